// Icons of the status pages: inline SVG drawn in the text colour, always beside the same
// meaning in words, so they are hidden from assistive technology and never stand alone.

import type { Qualifier, Verification } from '../../domain/model.ts';
import type { UtilityState } from '../../words/messages.ts';

const statePaths: Record<UtilityState, string> = {
  available: 'M4.5 8.5l2.3 2.3 4.7-5.3',
  intermittent: 'M3 8c1.3-2.7 2.7-2.7 4 0s2.7 2.7 4 0',
  unavailable: 'M5.5 5.5l5 5m0-5l-5 5',
};

const verificationPaths: Record<Verification, string> = {
  unconfirmed: 'M6 6.2a2 2 0 1 1 2.6 1.9c-.4.2-.6.5-.6.9v.8M8 11.4v.1',
  corroborated: 'M3.6 8.4l1.8 1.8 3.6-4.2M7.4 10.2l.6.6 4-4.6',
  verified: 'M4.5 8.5l2.3 2.3 4.7-5.3',
  disputed: 'M8 4.6v4.2M8 11.2v.1',
};

function Icon({ path, className }: { path: string; className: string }) {
  return (
    <svg
      class={`icon ${className}`}
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" stroke-width="1.5" />
      <path
        d={path}
        fill="none"
        stroke="currentColor"
        stroke-width="1.8"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}

export function StateIcon({ state }: { state: UtilityState }) {
  return <Icon path={statePaths[state]} className={`icon-${state}`} />;
}

export function VerificationIcon({ verification }: { verification: Verification }) {
  return <Icon path={verificationPaths[verification]} className={`icon-${verification}`} />;
}

/** Chart and legend markers: the shape says the qualifier, as the legend says in words. */
export function QualifierMarker({ qualifier, x, y }: { qualifier: Qualifier; x: number; y: number }) {
  const size = 6;
  if (qualifier === 'at_least' || qualifier === 'at_most') {
    const tip = qualifier === 'at_least' ? -size : size;
    return (
      <path
        class="marker"
        d={`M${x} ${y + tip}L${x + size} ${y - tip}L${x - size} ${y - tip}Z`}
        stroke-width="2"
      />
    );
  }
  return (
    <circle
      class={qualifier === 'exact' ? 'marker' : 'marker marker-hollow'}
      cx={x}
      cy={y}
      r={size - 1}
      stroke-width="2"
    />
  );
}

/** Beside a problem of a form's field, so that it is marked by more than its colour. */
export function ProblemIcon() {
  return <Icon path={verificationPaths.disputed} className="icon-problem" />;
}
