import { Component, type ComponentChild, h } from 'preact';
import { LOCALES, type Locale } from '../../core/locale';
import { LOCALE_NAMES, t, type UiKey } from '../i18n';
import { checkPaneSettings, type PaneSettings, type SettingsProblem } from '../../app/pane-settings';

/** Props of the settings form. */
export interface SettingsPanelProps {
  settings: PaneSettings;
  onSave(settings: PaneSettings): void;
  onCancel(): void;
}

interface Form {
  locale: string;
  blindSpotAtOrBelow: string;
  disturbAtOrAbove: string;
  maxPerYear: string;
}

interface SettingsPanelState {
  form: Form;
  problems: SettingsProblem[];
}

const PROBLEM_TEXT: Record<Locale, Record<SettingsProblem['problem'], string>> = {
  'zh-CN': { 'not-a-number': '请填写数字', 'out-of-range': '超出允许范围', order: '扰企阈值应高于盲区阈值' },
  'en-US': {
    'not-a-number': 'Enter a number',
    'out-of-range': 'Out of range',
    order: 'Must be above the blind-spot threshold',
  },
};

/** Thresholds of 盲区 and 扰企, and the language; checked before they are saved. */
export class SettingsPanel extends Component<SettingsPanelProps, SettingsPanelState> {
  constructor(props: SettingsPanelProps) {
    super(props);
    const s = props.settings;
    this.state = {
      form: {
        locale: s.locale,
        blindSpotAtOrBelow: String(s.blindSpotAtOrBelow),
        disturbAtOrAbove: String(s.disturbAtOrAbove),
        maxPerYear: String(s.maxPerYear),
      },
      problems: [],
    };
  }

  private save = (e: Event) => {
    e.preventDefault();
    const checked = checkPaneSettings(this.state.form);
    this.setState({ problems: checked.problems });
    if (checked.settings) this.props.onSave(checked.settings);
  };

  override render(): ComponentChild {
    const locale = this.props.settings.locale;
    const { form, problems } = this.state;
    const set = (key: keyof Form) => (e: Event) =>
      this.setState({
        form: { ...this.state.form, [key]: (e.currentTarget as HTMLInputElement | HTMLSelectElement).value },
      });
    const numberField = (key: Exclude<keyof Form, 'locale'>, label: UiKey, max: number) => {
      const problem = problems.find((p) => p.field === key);
      return h(
        'label',
        { class: `field${problem ? ' invalid' : ''}` },
        h('span', null, t(locale, label)),
        h('input', {
          type: 'number',
          name: key,
          min: 0,
          max,
          step: 'any',
          value: form[key],
          onInput: set(key),
          'aria-invalid': problem ? 'true' : 'false',
        }),
        problem
          ? h('span', { class: 'problem', role: 'alert' }, PROBLEM_TEXT[locale][problem.problem])
          : null,
      );
    };
    return h(
      'form',
      { class: 'panel settings', 'data-testid': 'settings', noValidate: true, onSubmit: this.save },
      h('p', { class: 'hint' }, t(locale, 'settingsHint')),
      numberField('blindSpotAtOrBelow', 'blindSpot', 100),
      numberField('disturbAtOrAbove', 'disturb', 100),
      numberField('maxPerYear', 'maxPerYear', 366),
      h(
        'label',
        { class: 'field' },
        h('span', null, t(locale, 'locale')),
        h(
          'select',
          { name: 'locale', value: form.locale, onChange: set('locale') },
          LOCALES.map((l) => h('option', { value: l }, LOCALE_NAMES[l])),
        ),
      ),
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          { type: 'submit', class: 'btn primary', 'data-testid': 'save-settings' },
          t(locale, 'save'),
        ),
        h('button', { type: 'button', class: 'btn', onClick: this.props.onCancel }, t(locale, 'cancel')),
      ),
    );
  }
}
