import { render } from 'preact';
import { t } from '../../utils/i18n';
import '../../components/theme.css';
import './options.css';
import { App } from './App';

// The page's language and title follow the translation in use (English or German).
document.documentElement.lang = t('uiLanguage');
document.title = t('optionsTitle');
render(<App />, document.getElementById('app') as HTMLElement);
