import type { Answers } from '../../../form-engine';

/** What the open draft editor lends the page's header actions (print, delete). */
export interface DraftLink {
  /** The answers on screen. */
  answers(): Answers | undefined;
  /** Waits for pending saves, then writes with the draft's current version (autosave's). */
  exclusive<T>(write: (version: number) => Promise<{ version: number; result: T }>): Promise<T>;
  /** Stops autosave (the draft is gone). */
  stop(): void;
}

/**
 * The link between the certificate page's header and the draft editor below it. Autosave
 * moves the draft's version on while the user types, so a header action on a draft (print,
 * delete) must go through the editor's autosave: it waits for the save in flight and uses
 * the version that save produced. Without an editor (a signed certificate), the page's
 * version is the current one.
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

  /** Runs a write on the certificate; `nextVersion` reads the version the write produced. */
  async write<T>(
    pageVersion: number,
    write: (version: number) => Promise<T>,
    nextVersion: (result: T, version: number) => number,
  ): Promise<T> {
    const link = this.link;
    if (link === undefined) return write(pageVersion);
    return link.exclusive(async (version) => {
      const result = await write(version);
      return { version: nextVersion(result, version), result };
    });
  }

  stop(): void {
    this.link?.stop();
  }
}
