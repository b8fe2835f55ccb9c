import { useMemo } from 'react';
import { Box, Chip, Stack } from '@mui/material';
import { Marked, type Tokens } from 'marked';
// The guide is docs/user-guide.md itself, bundled: the page and the file never drift apart.
import guide from '../../../../docs/user-guide.md?raw';

// Its screenshots, bundled as assets; the Markdown names them relative to docs/.
const images = import.meta.glob<string>('../../../../docs/images/*.png', {
  eager: true,
  query: '?url',
  import: 'default',
});
const imageUrl = (href: string) => images[`../../../../docs/${href}`] ?? href;

/** The guide as HTML, each 二级标题 with an id for the table of contents. */
function renderGuide(): { html: string; sections: string[] } {
  const sections: string[] = [];
  const marked = new Marked({
    walkTokens(token) {
      if (token.type === 'image') (token as Tokens.Image).href = imageUrl((token as Tokens.Image).href);
    },
    renderer: {
      heading({ tokens, depth }) {
        const text = this.parser.parseInline(tokens);
        if (depth !== 2) return `<h${depth}>${text}</h${depth}>`;
        sections.push(text);
        return `<h2 id="help-${sections.length}">${text}</h2>`;
      },
    },
  });
  const html = marked.parse(guide, { async: false });
  return { html, sections };
}

/** 使用说明: the user guide, with its screenshots, as a page of the app. */
export function HelpScreen() {
  const { html, sections } = useMemo(renderGuide, []);
  return (
    <Stack spacing={2} sx={{ maxWidth: 960 }}>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }} component="nav" aria-label="使用说明目录">
        {sections.map((title, i) => (
          <Chip
            key={title}
            label={title}
            onClick={() => document.getElementById(`help-${i + 1}`)?.scrollIntoView({ behavior: 'smooth' })}
          />
        ))}
      </Stack>
      <Box
        component="article"
        aria-label="使用说明"
        sx={{
          lineHeight: 1.8,
          '& h1': { typography: 'h5', fontWeight: 700 },
          '& h2': { typography: 'h6', fontWeight: 700, mt: 4, pt: 1, borderTop: 1, borderColor: 'divider' },
          '& img': { display: 'block', maxWidth: '100%', border: 1, borderColor: 'divider', borderRadius: 1, my: 1 },
          '& code': { fontFamily: 'monospace', bgcolor: 'action.hover', px: 0.5 },
        }}
        // Our own Markdown from the bundle, not user input: safe to set as HTML.
        dangerouslySetInnerHTML={{ __html: html }}
      />
    </Stack>
  );
}
