import { DEFAULT_SETTINGS } from '../../src/core/settings';
import {
  checkPaneSettings,
  defaultPaneSettings,
  parsePaneSettings,
  toEngineSettings,
} from '../../src/app/pane-settings';

describe('pane settings', () => {
  it('defaults to the engine thresholds and the host language (Chinese unless English)', () => {
    expect(defaultPaneSettings('zh-CN')).toEqual({
      locale: 'zh-CN',
      blindSpotAtOrBelow: DEFAULT_SETTINGS.ratio.blindSpotAtOrBelow,
      disturbAtOrAbove: DEFAULT_SETTINGS.ratio.disturbAtOrAbove,
      maxPerYear: DEFAULT_SETTINGS.frequency.maxPerYear,
    });
    expect(defaultPaneSettings('en-GB').locale).toBe('en-US');
    expect(defaultPaneSettings(undefined).locale).toBe('zh-CN');
  });

  it('accepts a valid form, percent signs and spaces included', () => {
    const { settings, problems } = checkPaneSettings({
      locale: 'en-US',
      blindSpotAtOrBelow: ' 1% ',
      disturbAtOrAbove: '50',
      maxPerYear: '4',
    });
    expect(problems).toEqual([]);
    expect(settings).toEqual({ locale: 'en-US', blindSpotAtOrBelow: 1, disturbAtOrAbove: 50, maxPerYear: 4 });
  });

  it('names every problem of a bad form', () => {
    expect(
      checkPaneSettings({
        locale: 'zh-CN',
        blindSpotAtOrBelow: 'abc',
        disturbAtOrAbove: '150',
        maxPerYear: '0.5',
      }).problems,
    ).toEqual([
      { field: 'blindSpotAtOrBelow', problem: 'not-a-number' },
      { field: 'disturbAtOrAbove', problem: 'out-of-range' },
      { field: 'maxPerYear', problem: 'out-of-range' },
    ]);
    expect(
      checkPaneSettings({
        locale: 'zh-CN',
        blindSpotAtOrBelow: '20',
        disturbAtOrAbove: '10',
        maxPerYear: '12',
      }).problems,
    ).toEqual([{ field: 'disturbAtOrAbove', problem: 'order' }]);
  });

  it('reads saved settings, falling back on anything broken', () => {
    const fallback = defaultPaneSettings('zh-CN');
    expect(parsePaneSettings(undefined, fallback)).toBe(fallback);
    expect(parsePaneSettings('not json', fallback)).toBe(fallback);
    expect(parsePaneSettings('{"maxPerYear":4}', fallback)).toEqual({ ...fallback, maxPerYear: 4 });
    expect(parsePaneSettings('{"maxPerYear":-4,"locale":"en-US"}', fallback)).toEqual({
      ...fallback,
      locale: 'en-US',
    });
  });

  it('maps to the engine settings', () => {
    expect(
      toEngineSettings({ locale: 'zh-CN', blindSpotAtOrBelow: 1, disturbAtOrAbove: 50, maxPerYear: 4 }),
    ).toEqual({
      ratio: { blindSpotAtOrBelow: 1, disturbAtOrAbove: 50 },
      frequency: { maxPerYear: 4 },
    });
  });
});
