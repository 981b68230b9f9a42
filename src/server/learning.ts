// The tagger learns from the annotator: what they accept, reject, retype and add. The change is a
// delta from the shipped model (the weights learning touched, with the learner's step sizes),
// kept per workspace in `.tawsim/model/` (ignored by git) so that it survives restarts; a command
// resets it, another retrains from the workspace's annotations plus ANERcorp.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { removeFiles } from '../core/io/removeFiles';
import { writeFileAtomic } from '../core/io/atomicWrite';
import { keepAside } from '../core/io/keepAside';
import { createOnlineLearner, type LabelledExample, loadModel, type OnlineLearner, OtherBaseModelError, type TaggerModel } from '../core/tagger';

export const MODEL_STATE_FOLDER = path.join('.tawsim', 'model');

/** Creates the workspace's model state folder, kept out of version control. */
export function prepareStateFolder(folder: string): void {
  fs.mkdirSync(folder, { recursive: true });
  const ignore = path.join(folder, '.gitignore');
  if (!fs.existsSync(ignore)) fs.writeFileSync(ignore, "# Tawsim's learnt model state: machine-specific, not for version control.\n*\n");
}
const DELTA_FILE = 'learned.delta';
/** The command that retrains on the workspace's annotations, as the annotator finds it (package.json). */
export const RETRAIN_COMMAND = '“Tawsim: Retrain the Tagger on Workspace Annotations”';
const RETRAINED_FILE = 'retrained.model';

export interface LearningOptions {
  /** The shipped model. */
  readonly baseModelFile: string;
  /** Workspace folder whose `.tawsim/model/` keeps what was learnt; none: learn in memory only. */
  readonly workspaceRoot?: string;
  /** Called after the model changed (suggestions must be recomputed). */
  readonly onChange: () => void;
  /** Reports a problem (a delta that cannot be read, a file that cannot be written). */
  readonly warn: (message: string) => void;
}

export class Learning {
  private model: TaggerModel | undefined;
  private learner: OnlineLearner | undefined;
  private saveTimer: NodeJS.Timeout | undefined;
  /** After a reset whose files could not all be deleted: start from the shipped model, whatever the folder holds. */
  private shippedOnly = false;

  constructor(private readonly options: LearningOptions) {}

  private get folder(): string | undefined {
    return this.options.workspaceRoot && path.join(this.options.workspaceRoot, MODEL_STATE_FOLDER);
  }

  /** The model, loaded on first use: the workspace's retrained model if any, with what was learnt since. */
  getModel(): TaggerModel {
    if (this.model) return this.model;
    const retrained = !this.shippedOnly && this.folder && path.join(this.folder, RETRAINED_FILE);
    let model: TaggerModel | undefined;
    if (retrained && fs.existsSync(retrained)) {
      try {
        model = loadModel(retrained);
      } catch (e) {
        this.options.warn(`${(e as Error).message}; the shipped model is used instead.`);
      }
    }
    this.model = model ?? loadModel(this.options.baseModelFile);
    this.learner = createOnlineLearner(this.model);
    const delta = !this.shippedOnly && this.folder && path.join(this.folder, DELTA_FILE);
    if (delta && fs.existsSync(delta)) {
      try {
        this.learner.importDelta(new Uint8Array(fs.readFileSync(delta)));
      } catch (e) {
        let kept: string;
        try {
          kept = `The file is kept as ${keepAside(delta)}`;
        } catch {
          kept = 'The file could not be moved aside';
        }
        // After an update brought a new shipped model, the reviewed annotations can be learnt again.
        const again = e instanceof OtherBaseModelError ? ` ${RETRAIN_COMMAND} learns your reviewed annotations again.` : '';
        this.options.warn(`What Tawsim learnt in this workspace (${delta}) cannot be used: ${(e as Error).message}. Starting from the shipped model. ${kept}.${again}`);
      }
    }
    return this.model;
  }

  /** Teaches the model fully reviewed sentences; returns the learning step's number (0: nothing learnt). */
  learn(examples: readonly LabelledExample[]): number {
    if (examples.length === 0) return 0;
    this.getModel();
    const step = this.learner!.learn(examples);
    this.scheduleSave();
    this.options.onChange();
    return step;
  }

  /** Takes back a learning step if it was the last one; returns whether it did. */
  forget(step: number): boolean {
    if (!this.learner?.forget(step)) return false;
    this.scheduleSave();
    this.options.onChange();
    return true;
  }

  /**
   * Forgets what was learnt in this workspace (and a retrained model): back to the shipped model.
   * Returns the files that could not be deleted (they would come back on the next start).
   */
  reset(): string[] {
    clearTimeout(this.saveTimer);
    const left = this.folder ? removeFiles([path.join(this.folder, DELTA_FILE), path.join(this.folder, RETRAINED_FILE)]) : [];
    this.shippedOnly = left.length > 0;
    this.model = undefined;
    this.learner = undefined;
    this.options.onChange();
    return left;
  }

  /** Where a retrained model must be written to be used; undefined without a workspace. */
  retrainedModelFile(): string | undefined {
    return this.folder && path.join(this.folder, RETRAINED_FILE);
  }

  /** A retrained model was written: use it, and forget the delta learnt on the old one. */
  adoptRetrained(): void {
    clearTimeout(this.saveTimer);
    // A delta left behind is not applied to another base model.
    if (this.folder) removeFiles([path.join(this.folder, DELTA_FILE)]);
    this.shippedOnly = false;
    this.model = undefined;
    this.learner = undefined;
    this.options.onChange();
  }

  private scheduleSave(): void {
    if (!this.folder) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.saveNow(), 500);
  }

  private saveNow(): void {
    this.saveTimer = undefined;
    const folder = this.folder;
    if (!folder || !this.learner) return;
    try {
      prepareStateFolder(folder);
      writeFileAtomic(path.join(folder, DELTA_FILE), this.learner.exportDelta());
    } catch (e) {
      this.options.warn(`Tawsim could not save what it learnt: ${(e as Error).message}`);
    }
  }

  /** Writes what was learnt if a save is pending (the server is shutting down). */
  dispose(): void {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveNow();
    }
  }
}
