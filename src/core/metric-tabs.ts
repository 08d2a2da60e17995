// This file defines which figures a workbook can give: a metric whose tabs are all missing has no data, not a 0.
import type { MetricDef } from './metrics';
import type { Workbook } from './records';
import { type TabKey, tabDef } from './schema';

/**
 * The tabs a metric reads that the workbook lacks, when it lacks every one of them (候補者 for 新規接点数); empty
 * when the metric has data to count. 候補者, 企業 and イベント are optional (a food bank keeps none of them): a
 * template, a formula or the sidebar must then say that the figure needs the tab, never print 0. A metric that can
 * read one of several tabs needs only one of them.
 */
export function missingMetricTabs(metric: Pick<MetricDef, 'tabs'>, workbook: Pick<Workbook, 'layouts'>): TabKey[] {
  const missing = metric.tabs.filter((key) => workbook.layouts[key].name === null);
  return missing.length === metric.tabs.length ? missing : [];
}

/** The Japanese names of tabs (the names シートを準備 creates), for a message: `候補者` or `企業 / 求人`. */
export function tabNames(keys: readonly TabKey[]): string {
  return keys.map((key) => tabDef(key).ja).join(' / ');
}
