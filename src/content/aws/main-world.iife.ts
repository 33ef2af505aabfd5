// Page (MAIN) world helper for the code editor; see the IAM content script.
export {};
