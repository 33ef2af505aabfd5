// Read once per page load, like the console: the config, the account and the language's strings.
import { MESSAGES } from './i18n';
import { readAccountId, readPageConfig } from './page-config';

export const config = readPageConfig();
export const accountId = readAccountId();
export const t = MESSAGES[config.aws.locale] ?? MESSAGES.en;
