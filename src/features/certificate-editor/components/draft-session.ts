import type { Answers } from '../../../form-engine';

/** What the open draft editor lends the page's header actions (print, delete). */
export interface DraftLink {
  /** The answers on screen. */
  answers(): Answers | undefined;
  /** Saves what is typed and not saved yet; rejects, in Swedish, when that cannot be done now. */
  flush(): Promise<void>;
  /** Stops autosave (the draft is gone). */
  stop(): void;
}

/**
 * The link between the certificate page's header and the draft editor below it. A header
 * action on a draft (print, delete) must act on what is on screen, so it first has the
 * editor save what is typed. The version each write is based on is not the link's business:
 * every write goes through the certificate's write queue, which reads it from the cache.
 * Without an editor (a signed certificate) there is nothing to save first.
 */
export class DraftSession {
  private link: DraftLink | undefined = undefined;

  /** The editor attaches on mount; the returned function detaches it. */
  attach(link: DraftLink): () => void {
    this.link = link;
    return () => {
      if (this.link === link) this.link = undefined;
    };
  }

  /** The answers to show now: the editor's on screen, else the stored ones. */
  answers(stored: Answers): Answers {
    return this.link?.answers() ?? stored;
  }

  /** Saves what the editor has unsaved, if an editor is open. */
  async flush(): Promise<void> {
    await this.link?.flush();
  }

  stop(): void {
    this.link?.stop();
  }
}
