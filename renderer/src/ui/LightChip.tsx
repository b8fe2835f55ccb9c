import { Chip } from '@mui/material';
import type { Light } from '../core/model';
import { lightLabels, statusLabels, type AssessedStatus } from '../core/progress';

/** A light as the theme's palette colour: the chips, the story's dots and chart points use it. */
export const lightColors: Record<Light, 'success' | 'warning' | 'error'> = {
  green: 'success',
  yellow: 'warning',
  red: 'error',
};

export function LightChip({ light, title }: { light: Light; title?: string }) {
  return <Chip size="small" color={lightColors[light]} label={lightLabels[light]} title={title} />;
}

export function StatusText({ status }: { status: AssessedStatus }) {
  return <span>{statusLabels[status]}</span>;
}
