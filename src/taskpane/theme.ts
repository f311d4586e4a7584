/**
 * Light or dark, following Office. The pane receives Office's theme colours as plain props (it never
 * touches Office.js itself); a dark body background means a dark theme.
 */

/** The part of `Office.context.officeTheme` the pane uses; every field optional, as hosts differ. */
export interface OfficeThemeColors {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  controlBackgroundColor?: string;
  controlForegroundColor?: string;
}

/** Relative luminance (0 black – 1 white) of `#rgb`/`#rrggbb`, or null when it is not such a colour. */
export function luminance(color: string): number | null {
  const hex = color.trim().replace(/^#/, '');
  const full = /^[0-9a-f]{3}$/i.test(hex) ? hex.replace(/./g, (c) => c + c) : hex;
  if (!/^[0-9a-f]{6}$/i.test(full)) return null;
  const channel = (i: number) => {
    const v = parseInt(full.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** An explicit `dark` wins; otherwise Office's body background decides; light when nothing is known. */
export function isDarkTheme(dark: boolean | undefined, officeTheme: OfficeThemeColors | undefined): boolean {
  if (dark !== undefined) return dark;
  const l = officeTheme?.bodyBackgroundColor ? luminance(officeTheme.bodyBackgroundColor) : null;
  return l !== null && l < 0.2;
}
