import { createRequire } from 'node:module';
import pdfMake from 'pdfmake';

/** The serif CJK face every Huiyin PDF is set in (official letters, case sheets). */
export const PDF_FONT_FAMILY = 'HuiyinSerif';
const FONT_PACKAGE = '@expo-google-fonts/noto-serif-sc';

let fontFiles: { normal: string; bold: string } | null = null;

/**
 * Registers the faces with pdfmake (a process-wide instance, so on every render in case anything
 * else reset its fonts) and shuts every other file and every URL out: documents carry citizens'
 * text, and nothing in one may make the server fetch a URL or read a file; only the two font files
 * are readable.
 */
export function registerPdfFonts(): void {
  if (!fontFiles) {
    const require = createRequire(import.meta.url);
    fontFiles = {
      normal: require.resolve(`${FONT_PACKAGE}/400Regular/NotoSerifSC_400Regular.ttf`),
      bold: require.resolve(`${FONT_PACKAGE}/700Bold/NotoSerifSC_700Bold.ttf`),
    };
  }
  const { normal, bold } = fontFiles;
  pdfMake.addFonts({ [PDF_FONT_FAMILY]: { normal, bold, italics: normal, bolditalics: bold } });
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy((path) => path === normal || path === bold);
}
