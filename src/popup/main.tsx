import { render } from 'preact';
import browser from '../browser';
import { t } from '../i18n';
import { App } from './App';
import { showGuideAgain } from './show-guide';
import './popup.css';

document.title = t('extensionName');
document.documentElement.lang = browser.i18n.getMessage('@@ui_locale').replace('_', '-') || 'en';
render(<App />, document.getElementById('app')!);
void showGuideAgain();
