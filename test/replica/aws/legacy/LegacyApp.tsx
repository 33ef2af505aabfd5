/** @jsxImportSource react */
export function LegacyConsole() {
  return <p>legacy</p>;
}
