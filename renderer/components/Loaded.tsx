import type { ReactNode } from 'react';
import type { LoadState } from '../api/use-load';
import { Page } from './Page';

/** The part of a load a screen shows: enough for several loads to be shown as one. */
type Shown<T> = Pick<LoadState<T>, 'data' | 'error' | 'reload'>;

export function Loading({ what }: { what: string }) {
  return (
    <p role="status" className="muted">
      Loading {what}…
    </p>
  );
}

export function LoadError({ error, retry }: { error: Error; retry?: () => void }) {
  return (
    <div role="alert" className="notice notice-error">
      <p>Something went wrong: {error.message}</p>
      {retry ? (
        <button type="button" className="button secondary" onClick={retry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

/** What went wrong with a load whose data is shown elsewhere (or not at all), if anything did. */
export function LoadProblem({ state }: { state: Shown<unknown> }) {
  return state.error ? <LoadError error={state.error} retry={state.reload} /> : null;
}

/**
 * Loading, failed (with a way to try again) or loaded: the loaded data goes to `children`. Data
 * already shown stays while it reloads, so whatever the children hold (a half-typed form, a
 * message) survives a refresh.
 */
export function Loaded<T>({
  state,
  what,
  children,
}: {
  state: Shown<T>;
  /** What is loading, as in "Loading the provider…". */
  what: string;
  children: (data: T) => ReactNode;
}) {
  if (state.error) return <LoadError error={state.error} retry={state.reload} />;
  if (state.data === undefined) return <Loading what={what} />;
  return children(state.data);
}

/**
 * A whole screen's data: until it is loaded the screen is a page titled `title` saying so (or
 * what went wrong); then `children` draws the screen, with a page of its own.
 */
export function LoadedPage<T>({
  title,
  ...loaded
}: {
  title: string;
  state: Shown<T>;
  what: string;
  children: (data: T) => ReactNode;
}) {
  const { state } = loaded;
  if (state.data !== undefined && !state.error) return loaded.children(state.data);
  return (
    <Page title={title}>
      <Loaded {...loaded} />
    </Page>
  );
}

/** Two loads shown as one: loaded when both are, failed when either fails, retried together. */
export function bothLoaded<A, B>(first: Shown<A>, second: Shown<B>): Shown<[A, B]> {
  return {
    data:
      first.data !== undefined && second.data !== undefined ? [first.data, second.data] : undefined,
    error: first.error ?? second.error,
    reload: () => {
      first.reload();
      second.reload();
    },
  };
}
