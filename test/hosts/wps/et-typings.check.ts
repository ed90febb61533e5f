// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the ET typings are a global script (namespace Et), not a module
/// <reference path="../../../node_modules/et-jsapi-declare/lib.et.d.ts" />
// The adapter's ET interfaces (src/hosts/wps/et-model.ts) use only members that et-jsapi-declare, the WPS
// typings generated from the ET sources, declares under the same names. Checked by the compiler only (`npm run
// typecheck`; not a jest test, which could not fail):
// a misspelt member (which WPS would silently read as undefined) fails the type check. Only the ET object model
// is referenced (lib.et.d.ts), not the package's index, which declares `Application` as a global.
import type * as M from '../../../src/hosts/wps/et-model';

/** Members of our interface that the typings' interface lacks: `never` when every one exists. */
type Missing<Ours, Theirs> = Exclude<keyof Ours, keyof Theirs>;
type Same<A extends never> = A;

export type EtTypingsAgree = [
  Same<Missing<M.EtRange, Et.Range>>,
  Same<Missing<M.EtAreas, Et.Areas>>,
  Same<Missing<M.EtInterior, Et.Interior>>,
  Same<Missing<M.EtFont, Et.Font>>,
  Same<Missing<M.EtBorders, Et.Borders>>,
  Same<Missing<M.EtComment, Et.Comment>>,
  Same<Missing<M.EtComments, Et.Comments>>,
  Same<Missing<M.EtName, Et.Name>>,
  Same<Missing<M.EtNames, Et.Names>>,
  Same<Missing<M.EtPageSetup, Et.PageSetup>>,
  Same<Missing<M.EtHPageBreaks, Et.HPageBreaks>>,
  Same<Missing<M.EtHyperlinks, Et.Hyperlinks>>,
  Same<Missing<M.EtFormatConditions, Et.FormatConditions>>,
  Same<Missing<M.EtFormatCondition, Et.FormatCondition>>,
  Same<Missing<M.EtChart, Et.Chart>>,
  Same<Missing<M.EtWorksheet, Et.Worksheet>>,
  Same<Missing<M.EtWorksheets, Et.Worksheets>>,
  Same<Missing<M.EtWorkbook, Et.Workbook>>,
  Same<Missing<M.EtWindow, Et.Window>>,
  Same<Missing<M.EtLanguageSettings, Kso.LanguageSettings>>,
  // The add-in additions (ApiEvent, PluginStorage, task panes) are declared in the package's index, not here.
  Same<
    Exclude<
      Missing<M.EtApplication, Et.Application>,
      'ApiEvent' | 'PluginStorage' | 'CreateTaskPane' | 'GetTaskPane'
    >
  >,
];
