// Hardware peaks that a figure can be read against: the H800 SXM5 (the export
// variant of the H100 SXM5, with the same compute and HBM and NVLink cut to
// 400 GB/s). Dense Tensor Core peaks, as in NVIDIA's Hopper figures.

import * as l10n from '@vscode/l10n';
import type { Figure } from './model';
import { convert } from './units';

export interface Peak {
  readonly id: 'h800-bf16' | 'h800-fp8' | 'h800-hbm' | 'h800-nvlink';
  /** What the bar is measured against, in words. */
  readonly basis: string;
  readonly value: number;
  readonly unit: string;
}

// The basis is read when shown, in the display language.
export const H800_PEAKS: readonly Peak[] = [
  {
    id: 'h800-bf16',
    get basis() {
      return l10n.t('H800 SXM5 dense BF16 Tensor Core peak, {0} TFLOPS', '989.4');
    },
    value: 989.4,
    unit: 'TFLOPS',
  },
  {
    id: 'h800-fp8',
    get basis() {
      return l10n.t('H800 SXM5 dense FP8 Tensor Core peak, {0} TFLOPS', '1978.9');
    },
    value: 1978.9,
    unit: 'TFLOPS',
  },
  {
    id: 'h800-hbm',
    get basis() {
      return l10n.t('H800 SXM5 HBM3 bandwidth, {0} TB/s', '3.35');
    },
    value: 3350,
    unit: 'GB/s',
  },
  {
    id: 'h800-nvlink',
    get basis() {
      return l10n.t('H800 NVLink, {0} GB/s per direction ({1} GB/s both ways)', '200', '400');
    },
    value: 200,
    unit: 'GB/s',
  },
];

const byId = (id: Peak['id']): Peak => H800_PEAKS.find((p) => p.id === id) as Peak;

/** The peak a figure is measured against, where one applies. */
export function peakFor(f: Pick<Figure, 'unit' | 'precision' | 'hardware' | 'measure' | 'conditions'>): Peak | undefined {
  const context = `${f.hardware ?? ''} ${f.conditions ?? ''}`;
  if (!/\bH800\b|\bHopper\b/i.test(context) || /\b(B200|GB200|H20|A100)\b/.test(context)) return undefined;
  const what = `${f.measure ?? ''} ${f.conditions ?? ''}`;
  if (f.unit === 'TFLOPS') {
    if (f.precision === 'BF16') return byId('h800-bf16');
    if (f.precision === 'FP8') return byId('h800-fp8');
    return undefined;
  }
  if (convert(1, f.unit, 'GB/s') === undefined) return undefined;
  if (/memory-bound|\bHBM\b|memory bandwidth/i.test(what)) return byId('h800-hbm');
  if (/NVLink|intranode/i.test(what) && !/RDMA|internode/i.test(what)) return byId('h800-nvlink');
  return undefined;
}

/** The figure as a share of its peak (0.586 for 580 of 989.4 TFLOPS), with the peak. */
export function shareOfPeak(f: Figure): { readonly peak: Peak; readonly share: number } | undefined {
  const peak = peakFor(f);
  const value = peak && convert(f.value, f.unit, peak.unit);
  return peak && value !== undefined ? { peak, share: value / peak.value } : undefined;
}
