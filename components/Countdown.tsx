import { useEffect, useState } from 'preact/hooks';

/** Whole seconds left until `at`, ticking every second (never below 0). */
export function Countdown({ at, now = Date.now }: { at: number; now?: () => number }) {
  const left = () => Math.max(0, Math.ceil((at - now()) / 1000));
  const [seconds, setSeconds] = useState(left);
  useEffect(() => {
    setSeconds(left());
    const timer = setInterval(() => setSeconds(left()), 1000);
    return () => clearInterval(timer);
  }, [at, now]);
  return <>{seconds}</>;
}
