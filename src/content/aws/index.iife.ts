// AWS IAM console: runs on /iam/* of the console hosts only (see manifest.json).
import { PAGES } from './pages';
import { startRouter } from './router';

startRouter(PAGES);
