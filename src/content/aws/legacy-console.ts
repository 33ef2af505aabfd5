// Which console generation a page is, once it has rendered: Cloudscape's scoped classes (current), or the
// 2016 console's "#policies"/"#roles" navigation. Used to open the old console's page for a link of the
// current console (each page declares its legacyCounterpart).
export function consoleGeneration(): 'current' | 'legacy' | null {
  if (document.querySelector('[class*="awsui_"]')) return 'current';
  return document.querySelector('a[href="#policies"], a[href="#roles"]') ? 'legacy' : null;
}
