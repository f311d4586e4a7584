/**
 * The workbook beside the pane: one tab per visible sheet and a table of its first rows, redrawn after
 * every apply and moved to the cell the pane selects — what Excel itself shows when the pane runs there.
 */
import { Button, Tab, TabList, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { parseA1 } from '../core/address';
import { readState } from '../hosts/xlsx/stateSheet';
import type { PreviewHost } from './previewHost';
import { MAX_COLUMNS, activeSheetName, readSheetView, visibleSheetNames, type ViewCell } from './sheetView';
import type { PreviewStrings } from './strings';

/** Rows drawn at first and added by each "more": enough to read a table, few enough to draw at once. */
export const ROW_PAGE = 200;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' },
  tabs: { flexShrink: 0, overflowX: 'auto', borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  scroller: {
    flexGrow: 1,
    minHeight: 0,
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  table: {
    borderCollapse: 'separate',
    borderSpacing: 0,
    tableLayout: 'fixed',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground1,
  },
  head: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBlock: '2px',
  },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    width: '44px',
    textAlign: 'end',
    paddingInline: tokens.spacingHorizontalXS,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  corner: { left: 0, zIndex: 3 },
  cell: {
    paddingInline: '4px',
    paddingBlock: '2px',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    verticalAlign: 'top',
  },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  bold: { fontWeight: tokens.fontWeightSemibold },
  // The fill shows the severity; the corner mark says "there is a note", as Excel's red triangle does.
  flagged: {
    backgroundImage: `linear-gradient(225deg, ${tokens.colorPaletteRedForeground1} 6px, transparent 6px)`,
  },
  selected: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: '-2px',
  },
  footer: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  empty: { padding: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground3 },
});

interface Selection {
  sheet: string;
  cell: string;
  /** Bumped on every select, so selecting the same cell again scrolls to it again. */
  seq: number;
}

/** Re-renders on every change the host reports and returns the latest change counter. */
function useHostVersion(host: PreviewHost): number {
  const subscribe = useCallback((notify: () => void) => host.subscribe(notify), [host]);
  return useSyncExternalStore(subscribe, () => host.version);
}

export function SheetViewer({ host, strings }: { host: PreviewHost; strings: PreviewStrings }) {
  const c = useStyles();
  const version = useHostVersion(host);
  // `version` is the signal: the workbook is one mutable object, and it changed.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const sheets = useMemo(() => visibleSheetNames(host.workbook), [host, version]);
  const [chosen, setChosen] = useState<string | undefined>(() => activeSheetName(host.workbook));
  const [rowLimits, setRowLimits] = useState<Record<string, number>>({});
  const [selection, setSelection] = useState<Selection | null>(null);
  const scroller = useRef<HTMLDivElement>(null);

  // Follow the workbook as Excel would: after an apply, the sheet it activated; after a select, that cell.
  useEffect(
    () =>
      host.subscribe((event) => {
        if (event.kind === 'applied') {
          if (event.activeSheet) setChosen(event.activeSheet);
          if (event.select) select(event.select.sheet, event.select.cell);
        } else {
          setChosen(event.sheet);
          select(event.sheet, event.cell);
        }
      }),
    [host],
  );

  function select(sheet: string, cell: string): void {
    const at = parseA1(cell);
    if (at) {
      // Draw enough rows to reach the cell.
      setRowLimits((limits) => {
        const limit = limits[sheet] ?? ROW_PAGE;
        return at.r + 1 <= limit ? limits : { ...limits, [sheet]: Math.ceil((at.r + 1) / ROW_PAGE) * ROW_PAGE };
      });
    }
    setSelection((prev) => ({ sheet, cell: cell.replace(/\$/g, '').toUpperCase(), seq: (prev?.seq ?? 0) + 1 }));
  }

  const sheet = chosen !== undefined && sheets.includes(chosen) ? chosen : sheets[0];
  const rowLimit = sheet === undefined ? ROW_PAGE : rowLimits[sheet] ?? ROW_PAGE;
  const view = useMemo(() => {
    const ws = sheet === undefined ? undefined : host.workbook.getWorksheet(sheet);
    return ws ? readSheetView(ws, rowLimit) : undefined;
    // `version` is the signal: the workbook is one mutable object, and it changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [host, version, sheet, rowLimit]);
  const flagged = useMemo(() => {
    const state = readState(host.workbook);
    return new Set((state?.highlights ?? []).map((h) => `${h.sheet}!${h.cell}`));
    // `version` is the signal: the workbook is one mutable object, and it changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [host, version]);

  const selectedCell = selection && selection.sheet === sheet ? selection.cell : null;
  useEffect(() => {
    const box = scroller.current;
    if (!selectedCell || !box) return;
    const td = box.querySelector<HTMLElement>(`[data-cell="${selectedCell}"]`);
    if (!td) return;
    // The cell's top-left corner a third of the way down, just right of the row numbers — not
    // scrollIntoView, which centres a wide merged title and hides column A.
    const rowHead = box.querySelector<HTMLElement>('thead th');
    const headerHeight = rowHead?.offsetHeight ?? 0;
    const rowHeadWidth = rowHead?.offsetWidth ?? 0;
    box.scrollTo({
      left: Math.max(0, td.offsetLeft - rowHeadWidth - 24),
      top: Math.max(0, td.offsetTop - headerHeight - Math.round(box.clientHeight / 3)),
    });
    // Every new selection scrolls, the same cell chosen again too (`selection` carries a sequence number).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selection, view]);

  if (sheets.length === 0 || !view) return <div className={c.empty}>{strings.noSheets}</div>;

  const renderCell = (cell: ViewCell) => {
    const isFlagged = flagged.has(`${view.name}!${cell.address}`);
    const isSelected = cell.address === selectedCell;
    return (
      <td
        key={cell.address}
        data-cell={cell.address}
        data-flagged={isFlagged ? 'true' : undefined}
        data-fill={cell.fill ?? undefined}
        className={mergeClasses(c.cell, cell.numeric && c.number, cell.bold && c.bold, isFlagged && c.flagged, isSelected && c.selected)}
        style={cell.fill ? { backgroundColor: cell.fill } : undefined}
        colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
        rowSpan={cell.rowSpan > 1 ? cell.rowSpan : undefined}
        title={cell.note ?? (cell.text.length > 12 ? cell.text : undefined)}
        aria-description={cell.note ? `${isFlagged ? `${strings.flagged}：` : ''}${cell.note}` : undefined}
        aria-current={isSelected ? 'true' : undefined}
      >
        {cell.text}
      </td>
    );
  };

  const shownRows = view.rows.length;
  return (
    <section className={c.root} aria-label={strings.viewerLabel} data-testid="sheet-viewer" data-sheet={view.name}>
      <TabList
        className={c.tabs}
        size="small"
        aria-label={strings.sheetTabs}
        selectedValue={sheet}
        onTabSelect={(_, data) => setChosen(String(data.value))}
      >
        {sheets.map((name) => (
          <Tab key={name} value={name}>
            {name}
          </Tab>
        ))}
      </TabList>
      <div ref={scroller} className={c.scroller} tabIndex={0} role="region" aria-label={view.name}>
        <table className={c.table} aria-label={view.name}>
          <colgroup>
            <col style={{ width: 44 }} />
            {view.widths.map((w, i) => (
              <col key={view.columns[i]} style={{ width: w }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className={mergeClasses(c.head, c.rowHead, c.corner)} aria-hidden="true" />
              {view.columns.map((col) => (
                <th key={col} scope="col" className={c.head}>
                  {col}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.rows.map((row) => (
              <tr key={row.number}>
                <th scope="row" className={c.rowHead}>
                  {row.number}
                </th>
                {row.cells.map((cell) => (cell ? renderCell(cell) : null))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={c.footer}>
        {view.rowCount > shownRows ? (
          <>
            <span>{strings.rowsShown(shownRows, view.rowCount)}</span>
            <Button size="small" onClick={() => setRowLimits((l) => ({ ...l, [view.name]: rowLimit + ROW_PAGE }))}>
              {strings.showMore(Math.min(ROW_PAGE, view.rowCount - shownRows))}
            </Button>
          </>
        ) : null}
        {view.columnCount > MAX_COLUMNS ? <span>{strings.columnsCut(MAX_COLUMNS, view.columnCount)}</span> : null}
      </div>
    </section>
  );
}
