"use client";
// The time-zone suggestions for the plan forms' "Time zone" field, loaded once from /time-zones.json.
// Without JavaScript the field still takes any zone name and says clearly when one is not known.
import { useEffect, useState } from "react";

export function TimeZoneList({ id }: { id: string }) {
  const [zones, setZones] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    fetch("/time-zones.json")
      .then((response) => (response.ok ? (response.json() as Promise<string[]>) : []))
      .then((list) => live && setZones(list))
      .catch(() => {}); // suggestions are a convenience; typing still works
    return () => {
      live = false;
    };
  }, []);
  return (
    <datalist id={id}>
      {zones.map((zone) => (
        <option key={zone} value={zone} />
      ))}
    </datalist>
  );
}
