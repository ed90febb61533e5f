/**
 * The part of the WPS spreadsheet ("ET") object model the adapter uses, as structural types.
 *
 * Why our own interfaces and not `et-jsapi-declare` directly: its types are generated from the C++ sources and
 * are partly inaccurate (`Value2` typed as `string | any[]`, `Interior.Color` as `any`, collections returning
 * `any`), and its index file declares globals (`Application`, `wps`) the adapter must not rely on. These
 * interfaces keep the member names and call shapes of `Et.*` (checked against the typings in
 * test/hosts/wps/et-typings.check.ts) and say what the adapter expects of each value.
 *
 * Every enum is a number here: the typings' enums are ambient and do not exist at run time.
 */

/** `XlConstants.xlNone` / `xlColorIndexNone`: no fill, no pattern. */
export const XL_NONE = -4142;
/** `XlPattern.xlPatternSolid`. */
export const XL_PATTERN_SOLID = 1;
/** `XlSheetVisibility.xlSheetVeryHidden`: hidden, and not listed in 取消隐藏. */
export const XL_SHEET_VERY_HIDDEN = 2;
/** `XlSheetVisibility.xlSheetVisible`. */
export const XL_SHEET_VISIBLE = -1;
/** `XlCellType.xlCellTypeFormulas` / `xlCellTypeConstants`, and `XlSpecialCellsValue.xlErrors`. */
export const XL_CELL_TYPE_FORMULAS = -4123;
export const XL_CELL_TYPE_CONSTANTS = 2;
export const XL_ERRORS = 16;
/** `XlPageOrientation`. */
export const XL_PORTRAIT = 1;
export const XL_LANDSCAPE = 2;
/** `XlPaperSize.xlPaperA4`. */
export const XL_PAPER_A4 = 9;
/** `XlHAlign` / `XlVAlign`. */
export const XL_H_LEFT = -4131;
export const XL_H_CENTER = -4108;
export const XL_H_RIGHT = -4152;
export const XL_V_TOP = -4160;
export const XL_V_CENTER = -4108;
export const XL_V_BOTTOM = -4107;
/** `XlLineStyle.xlContinuous` and `XlBorderWeight.xlThin`. */
export const XL_CONTINUOUS = 1;
export const XL_THIN = 2;
/** `XlFormatConditionType.xlExpression`. */
export const XL_EXPRESSION = 2;
/** `XlChartType.xlColumnClustered`. */
export const XL_COLUMN_CLUSTERED = 51;
/** XlChartType.xlBarClustered: bars drawn sideways. */
export const XL_BAR_CLUSTERED = 57;
/** `XlRowCol.xlColumns` (series in columns). */
export const XL_COLUMNS = 2;
/** `MsoCTPDockPosition.msoCTPDockPositionRight` (0 left, 1 top, 2 right, 3 bottom, 4 floating). */
export const DOCK_RIGHT = 2;

/** A cell value as `Range.Value2` gives it: text, number, boolean, empty, or (for many cells) arrays of them. */
export type EtScalar = string | number | boolean | null | undefined;

/** `Et.Interior`: fill colour in BGR order (`(b<<16)|(g<<8)|r`); null when the cells of the range differ. */
export interface EtInterior {
  Color: number | null;
  ColorIndex: number | null;
  Pattern: number | null;
  PatternColor: number | null;
}

/** `Et.Font`. */
export interface EtFont {
  Name: string | null;
  Size: number | null;
  Bold: boolean | null;
  Color: number | null;
}

/** `Et.Borders` (setting the collection sets every edge and inside line of the range). */
export interface EtBorders {
  LineStyle: number | null;
  Weight: number | null;
  Color: number | null;
}

/** `Et.Comment` (批注): `Text()` reads; `Text(t)` with no start position replaces the whole text. */
export interface EtComment {
  Text(Text?: string, Start?: number, Overwrite?: boolean): string;
  Delete(): void;
  readonly Parent: EtRange;
}

/** `Et.Comments` of a worksheet, 1-based. */
export interface EtComments {
  readonly Count: number;
  Item(Index: number): EtComment;
}

/** `Et.Areas` of a multi-area range, 1-based. */
export interface EtAreas {
  readonly Count: number;
  Item(Index: number): EtRange;
}

/** `Et.FormatCondition`. */
export interface EtFormatCondition {
  readonly Interior: EtInterior;
  readonly Font: EtFont;
  StopIfTrue: boolean;
}

/** `Et.FormatConditions`. */
export interface EtFormatConditions {
  Add(Type: number, Operator?: number, Formula1?: string): EtFormatCondition;
}

/** `Et.Range`: indexes are 1-based; `Item(r, c)` is relative to the range's top-left cell. */
export interface EtRange {
  Value2: unknown;
  NumberFormat: unknown;
  Formula: unknown;
  readonly Text: unknown;
  readonly Row: number;
  readonly Column: number;
  readonly Rows: EtRange;
  readonly Columns: EtRange;
  readonly Count: number;
  readonly Cells: EtRange;
  readonly Areas: EtAreas;
  readonly Interior: EtInterior;
  readonly Font: EtFont;
  readonly Borders: EtBorders;
  readonly Comment: EtComment | null | undefined;
  readonly MergeArea: EtRange;
  MergeCells: boolean | null;
  HorizontalAlignment: number | null;
  VerticalAlignment: number | null;
  WrapText: boolean | null;
  ColumnWidth: number | null;
  RowHeight: number | null;
  readonly Left: number;
  readonly Top: number;
  readonly FormatConditions: EtFormatConditions;
  readonly Worksheet: EtWorksheet;
  Item(RowIndex: number, ColumnIndex?: number): EtRange;
  Address(RowAbsolute?: boolean, ColumnAbsolute?: boolean): string;
  AddComment(Text?: string): EtComment;
  ClearComments(): void;
  Merge(Across?: boolean): void;
  SpecialCells(Type: number, Value?: number): EtRange;
  Select(): unknown;
  Activate(): unknown;
}

/** `Et.Name` (a defined name). */
export interface EtName {
  RefersTo: unknown;
  Visible: boolean;
  Delete(): void;
}

/** `Et.Names`: `Item` throws for a name that does not exist. */
export interface EtNames {
  readonly Count: number;
  Add(Name: string, RefersTo: string, Visible?: boolean): EtName;
  Item(Index: string | number): EtName;
}

/** `Et.PageSetup`: margins in points, `Zoom = false` to fit to pages. */
export interface EtPageSetup {
  Orientation: number;
  PaperSize: number;
  Zoom: unknown;
  FitToPagesWide: unknown;
  FitToPagesTall: unknown;
  PrintTitleRows: string;
  CenterFooter: string;
  LeftMargin: number;
  RightMargin: number;
  TopMargin: number;
  BottomMargin: number;
  CenterHorizontally: boolean;
}

/** `Et.HPageBreaks`: `Add(Before)` breaks above the given cell's row. */
export interface EtHPageBreaks {
  Add(Before: EtRange): unknown;
}

/** `Et.Hyperlinks`. */
export interface EtHyperlinks {
  Add(
    Anchor: EtRange,
    Address: string,
    SubAddress?: string,
    ScreenTip?: string,
    TextToDisplay?: string,
  ): unknown;
}

/** `Et.Chart` (only what a bar chart needs). */
export interface EtChart {
  ChartType: number;
  HasTitle: boolean;
  readonly ChartTitle: { Text: string };
  SetSourceData(Source: EtRange, PlotBy?: number): void;
}

/** `Et.ChartObjects` of a worksheet. */
export interface EtChartObjects {
  Add(Left: number, Top: number, Width: number, Height: number): { readonly Chart: EtChart };
}

/** `Et.Worksheet`. */
export interface EtWorksheet {
  Name: string;
  readonly Index: number;
  Visible: number;
  readonly ProtectContents: boolean;
  readonly UsedRange: EtRange;
  readonly Cells: EtRange;
  readonly Columns: EtRange;
  readonly Rows: EtRange;
  readonly Names: EtNames;
  readonly Comments: EtComments;
  readonly PageSetup: EtPageSetup;
  readonly HPageBreaks: EtHPageBreaks;
  readonly Hyperlinks: EtHyperlinks;
  readonly Parent: EtWorkbook;
  Range(Cell1: string): EtRange;
  ChartObjects(): EtChartObjects;
  Activate(): void;
  Delete(): void;
}

/** `Et.Worksheets` (or `Sheets`), 1-based; `Item(name)` throws for a missing sheet. */
export interface EtWorksheets {
  readonly Count: number;
  Item(Index: number | string): EtWorksheet;
  Add(Before?: EtWorksheet, After?: EtWorksheet, Count?: number, Type?: number): EtWorksheet;
}

/** `Et.Workbook`. */
export interface EtWorkbook {
  readonly Name: string;
  readonly FullName: string;
  readonly ReadOnly: boolean;
  readonly ProtectStructure: boolean;
  readonly Worksheets: EtWorksheets;
  readonly ActiveSheet: EtWorksheet | null;
}

/** `Et.Window` (freeze panes). */
export interface EtWindow {
  FreezePanes: boolean;
  SplitRow: number;
  SplitColumn: number;
  ScrollRow: number;
  ScrollColumn: number;
}

/** `WPS.ApiEvent`: listeners receive the host's arguments; `RemoveApiEventListener` takes the same function. */
export interface EtApiEvent {
  AddApiEventListener(EventName: string, callback: (...args: never[]) => void): void;
  RemoveApiEventListener(EventName: string, callback?: (...args: never[]) => void): void;
}

/** `WPS.PluginStorage`: shared by the add-in's pages for one WPS session, never saved (WPS docs). */
export interface EtPluginStorage {
  setItem(key: string, value: string | number | boolean): void;
  getItem(key: string): unknown;
  removeItem(key: string): void;
}

/** `WPS.CustomTaskpane`. */
export interface EtTaskPane {
  readonly ID: number;
  Visible: boolean;
  DockPosition: number;
  Width: number;
  Navigate(url: string): void;
  Delete(): void;
}

/** `Kso.LanguageSettings`: the languages WPS runs with; `LanguageID(2)` (msoLanguageIDUI) is its menus' (an LCID). */
export interface EtLanguageSettings {
  LanguageID(Id: number): number;
}

/** `Et.Application` with the WPS add-in additions (`WPS.AddonRoot`, `WPS.EtAddonRoot`). */
export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  readonly ActiveSheet: EtWorksheet | null;
  readonly ActiveWindow: EtWindow | null;
  ScreenUpdating: boolean;
  DisplayAlerts: boolean;
  Union(...ranges: EtRange[]): EtRange;
  /** Absent from some WPS versions: read it guarded (`wpsLocale`). */
  readonly LanguageSettings?: EtLanguageSettings;
  readonly ApiEvent?: EtApiEvent;
  readonly PluginStorage?: EtPluginStorage;
  CreateTaskPane?(url: string, title?: string): EtTaskPane;
  GetTaskPane?(id: number): EtTaskPane;
}

/** BGR colour number of an ARGB or RGB hex string (`FFFFC7CE` → 0xCEC7FF): ET colours are `(b<<16)|(g<<8)|r`. */
export function hexToBgr(hex: string): number {
  const rgb = hex.replace(/^#/, '').slice(-6);
  const r = parseInt(rgb.slice(0, 2), 16);
  const g = parseInt(rgb.slice(2, 4), 16);
  const b = parseInt(rgb.slice(4, 6), 16);
  return (b << 16) | (g << 8) | r;
}

/** `#RRGGBB` of a BGR colour number. */
export function bgrToHex(bgr: number): string {
  const r = bgr & 0xff;
  const g = (bgr >> 8) & 0xff;
  const b = (bgr >> 16) & 0xff;
  return `#${[r, g, b]
    .map((v) => v.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()}`;
}
