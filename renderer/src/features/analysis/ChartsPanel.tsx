/**
 * Charts: each drawn by shared/charts as an SVG string, shown with its data table, and
 * saved as SVG or PNG (the PNG is the same SVG drawn on a canvas at twice the size).
 */
import { useMemo, useState } from 'react';
import type { AnalysisIndex, CountUnit } from '../../../../shared/analysis';
import {
  codingDensity,
  coOccurrenceMatrix,
  countByGroup,
  findAttribute,
  orderedThemes,
  saturation,
  themeBoard,
  UnknownAttributeError,
} from '../../../../shared/analysis';
import type { Chart } from '../../../../shared/charts';
import { cooccurrenceHeatmap, cooccurrenceNetwork, densityChart, frequencyChart, saturationChart, themeMap } from '../../../../shared/charts';
import { attempt } from '../../app/toast';
import type { FilterState } from './FilterBar';
import { EMPTY_FILTER, FilterBar, toExcerptFilter } from './FilterBar';
import { utf8 } from './use-analysis';
import { useServices } from '../../app/services';

export const CHART_KINDS = [
  { id: 'frequency', label: 'Frequency by group' },
  { id: 'heatmap', label: 'Co-occurrence heatmap' },
  { id: 'network', label: 'Co-occurrence network' },
  { id: 'theme-map', label: 'Theme map' },
  { id: 'density', label: 'Coding density per source' },
  { id: 'saturation', label: 'Saturation curve' },
] as const;
type Kind = (typeof CHART_KINDS)[number]['id'];

/** Draw the SVG on a canvas and return PNG bytes. */
export async function svgToPng(chart: Chart, scale = 2): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([chart.svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = chart.width * scale;
    canvas.height = chart.height * scale;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('This browser cannot draw on a canvas, so the PNG cannot be made; save the SVG instead.');
    g.scale(scale, scale);
    g.drawImage(img, 0, 0, chart.width, chart.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The PNG could not be made; save the SVG instead.');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Sources grouped by an attribute's values (in the attribute's order), import order within each group. */
function sourcesByAttribute(index: AnalysisIndex, attributeId: string): string[] {
  const attr = index.attributes.find((a) => a.id === attributeId);
  const rank = (v: string | undefined) => {
    const i = v === undefined ? -1 : (attr?.values ?? []).indexOf(v);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  const valueOf = (caseId: string | null) => (caseId ? index.cases.get(caseId)?.values[attributeId] : undefined);
  return index.sourceOrder
    .map((e) => ({ id: e.source.id, order: e.order, value: valueOf(e.caseId ?? e.turnCaseIds.find((c) => c) ?? null) }))
    .sort((a, b) => rank(a.value) - rank(b.value) || (a.value ?? '').localeCompare(b.value ?? '') || a.order - b.order)
    .map((x) => x.id);
}

export function ChartsPanel({ index }: { index: AnalysisIndex }) {
  const { host } = useServices();
  const [kind, setKind] = useState<Kind>('frequency');
  const [themeId, setThemeId] = useState(() => orderedThemes(index)[0]?.theme.id ?? '');
  const [groupBy, setGroupBy] = useState(() => index.attributes[0]?.id ?? '');
  const [unit, setUnit] = useState<CountUnit>('excerpts');
  const [filter, setFilter] = useState<FilterState>(EMPTY_FILTER);
  const [order, setOrder] = useState('');

  const chart: Chart | null = useMemo(() => {
    const f = toExcerptFilter(filter);
    try {
      switch (kind) {
        case 'frequency': {
          const theme = index.themes.get(themeId);
          const counts = theme
            ? countByGroup(index, { themeId, groupBy: groupBy || null, unit, filter: f })
            : countByGroup(index, { codeIds: [...index.codes.values()].filter((c) => c.codable).map((c) => c.id), groupBy: groupBy || null, unit, filter: f });
          const by = counts.attribute ? ` by ${counts.attribute.name}` : '';
          return frequencyChart(counts, `${theme ? theme.name : 'All codes'}: ${unit}${by}`);
        }
        case 'heatmap':
          return cooccurrenceHeatmap(coOccurrenceMatrix(index, { scope: 'turn', filter: f }), { title: 'Codes in the same turn' });
        case 'network':
          return cooccurrenceNetwork(coOccurrenceMatrix(index, { scope: 'turn', filter: f }), { title: 'Code co-occurrence network (same turn)' });
        case 'theme-map':
          return themeMap(themeBoard(index, { filter: f }), { unit });
        case 'density':
          return densityChart(codingDensity(index, { filter: f }));
        case 'saturation': {
          const by = order ? findAttribute(index, order) : undefined;
          return saturationChart(saturation(index, { filter: f, order: by ? sourcesByAttribute(index, by.id) : [] }), {
            title: by ? `New codes per transcript, ${by.name} in turn (saturation)` : undefined,
          });
        }
      }
    } catch (error) {
      if (error instanceof UnknownAttributeError) return null;
      throw error;
    }
  }, [index, kind, themeId, groupBy, unit, filter, order]);

  const save = (format: 'svg' | 'png') =>
    chart &&
    attempt(async () => {
      const bytes = format === 'svg' ? utf8(chart.svg) : await svgToPng(chart);
      await host.saveFile({
        title: `Save chart as ${format.toUpperCase()}`,
        suggestedName: `${chart.title.replace(/[^\w-]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'chart'}.${format}`,
        filters: [{ name: format.toUpperCase(), extensions: [format] }],
        bytes,
      });
    });

  return (
    <div className="charts">
      <div className="row">
        <select aria-label="Chart" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          {CHART_KINDS.map((k) => (
            <option key={k.id} value={k.id}>
              {k.label}
            </option>
          ))}
        </select>
        {kind === 'frequency' && (
          <>
            <select aria-label="Theme" value={themeId} onChange={(e) => setThemeId(e.target.value)}>
              <option value="">All codes</option>
              {orderedThemes(index).map(({ theme }) => (
                <option key={theme.id} value={theme.id}>
                  {theme.name}
                </option>
              ))}
            </select>
            <select aria-label="Group by" value={groupBy} onChange={(e) => setGroupBy(e.target.value)}>
              <option value="">(no groups)</option>
              {index.attributes.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </>
        )}
        {kind === 'saturation' && (
          <select aria-label="Transcript order" value={order} onChange={(e) => setOrder(e.target.value)}>
            <option value="">In import order</option>
            {index.attributes.map((a) => (
              <option key={a.id} value={a.id}>
                Grouped by {a.name}
              </option>
            ))}
          </select>
        )}
        {(kind === 'frequency' || kind === 'theme-map') && (
          <select aria-label="Count" value={unit} onChange={(e) => setUnit(e.target.value as CountUnit)}>
            <option value="excerpts">Excerpts</option>
            <option value="sources">Sources</option>
            <option value="cases">Cases</option>
          </select>
        )}
        <span className="spacer" />
        <button type="button" onClick={() => save('svg')} disabled={!chart}>
          Save SVG
        </button>
        <button type="button" onClick={() => save('png')} disabled={!chart}>
          Save PNG
        </button>
      </div>
      <FilterBar index={index} state={filter} onChange={setFilter} showText={false} />
      {chart && (
        <div className="chart-layout">
          {/* The SVG comes from shared/charts, which escapes every text it writes. */}
          <figure className="chart-figure" data-chart={kind} dangerouslySetInnerHTML={{ __html: chart.svg }} />
          <div className="chart-table">
            <table className="grid small">
              <caption className="small muted">{chart.table.caption}</caption>
              <thead>
                <tr>
                  {chart.table.columns.map((c, i) => (
                    <th key={i} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {chart.table.rows.map((row, r) => (
                  <tr key={r}>
                    {row.map((v, c) =>
                      c === 0 ? (
                        <th key={c} scope="row">
                          {v}
                        </th>
                      ) : (
                        <td key={c}>{v}</td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </div>
  );
}
