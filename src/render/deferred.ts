import type { RenderDeferred } from '../store/deferred-payloads';
import type { TemplateRenderer } from './renderer';

/**
 * The one place a message kept unrendered in the outbox (`ctx.deliver({ ..., renderWhenSent: true })`,
 * an endorsement's channel tally) is rendered, when the sender claims it or someone reads it: with
 * the template, language and view fixed when it was queued, exactly as `deliver` renders at once
 * (an e-mail: `render`; a chat post: `renderPlain`, the same subject and text without the HTML).
 */
export function deferredRenderer(renderer: TemplateRenderer): RenderDeferred {
  return (m) => (m.html ? renderer.render(m.template, m.view, m.language) : renderer.renderPlain(m.template, m.view, m.language));
}
