import { render } from 'preact';
import { t } from '../../utils/i18n';
import '../../components/theme.css';
import './popup.css';
import { App } from './App';

// The page's language follows the translation in use (English or German).
document.documentElement.lang = t('uiLanguage');
render(<App />, document.getElementById('app') as HTMLElement);
