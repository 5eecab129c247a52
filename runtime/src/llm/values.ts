// The LLM layer's Sema values: messages, prompts, conversations, tools and agents.
// All immutable; printed forms follow the reference (`<prompt 2 messages>`, ...).

import { Opaque, type Value } from '../eval/values';
import type { LlmOptions } from './options';

export type MessageRole = 'system' | 'user' | 'assistant';

export const ROLES: readonly MessageRole[] = ['system', 'user', 'assistant'];

/** Binary content attached to a message (`message/with-image`). `data` is base64. */
export interface Attachment {
  readonly kind: 'image' | 'document';
  readonly mediaType: string;
  readonly data: string;
}

function truncate(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : chars.slice(0, max).join('') + '...';
}

export class MessageValue extends Opaque {
  readonly typeName = 'message';
  constructor(
    readonly role: MessageRole,
    readonly content: string,
    readonly attachments: readonly Attachment[] = [],
  ) {
    super();
  }
  print(): string {
    return `<message ${this.role} "${truncate(this.content, 40)}">`;
  }
  override equals(other: Opaque): boolean {
    return (
      other instanceof MessageValue &&
      other.role === this.role &&
      other.content === this.content &&
      JSON.stringify(other.attachments) === JSON.stringify(this.attachments)
    );
  }
  withContent(content: string): MessageValue {
    return new MessageValue(this.role, content, this.attachments);
  }
}

function sameMessages(a: readonly MessageValue[], b: readonly MessageValue[]): boolean {
  return a.length === b.length && a.every((m, i) => m.equals(b[i]!));
}

export class PromptValue extends Opaque {
  readonly typeName = 'prompt';
  constructor(readonly messages: readonly MessageValue[]) {
    super();
  }
  print(): string {
    return `<prompt ${this.messages.length} messages>`;
  }
  override equals(other: Opaque): boolean {
    return other instanceof PromptValue && sameMessages(this.messages, other.messages);
  }
}

export class ConversationValue extends Opaque {
  readonly typeName = 'conversation';
  constructor(
    readonly messages: readonly MessageValue[],
    readonly model: string | undefined,
    /** Options given to `conversation/new`, applied to every `say`. */
    readonly options: LlmOptions = {},
  ) {
    super();
  }
  print(): string {
    return `<conversation ${this.messages.length} messages>`;
  }
  with(messages: readonly MessageValue[]): ConversationValue {
    return new ConversationValue(messages, this.model, this.options);
  }
}

export class ToolValue extends Opaque {
  readonly typeName = 'tool';
  constructor(
    readonly name: string,
    readonly description: string,
    /** The parameter map as written (`{:country {:type :string ...}}`). */
    readonly parameters: Value,
    readonly handler: Value,
  ) {
    super();
  }
  print(): string {
    return `<tool ${this.name}>`;
  }
}

export class AgentValue extends Opaque {
  readonly typeName = 'agent';
  constructor(
    readonly name: string,
    readonly system: string,
    readonly tools: readonly ToolValue[],
    readonly model: string | undefined,
    readonly maxTurns: number,
  ) {
    super();
  }
  print(): string {
    return `<agent ${this.name}>`;
  }
}
