// A fieldset of radio buttons with a legend and a hint under each choice (arrow keys move between them).
type Choice = { value: string; label: string; hint?: string };

export function RadioGroup({
  name,
  legend,
  value,
  options,
  onChange,
}: {
  name: string;
  legend: string;
  value: string;
  options: Choice[];
  onChange: (v: string) => void;
}) {
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <legend className="px-1 text-sm font-semibold text-slate-900">{legend}</legend>
      <div className="mt-1 flex flex-col gap-3">
        {options.map((o) => {
          const id = `${name}-${o.value}`;
          return (
            <div key={o.value} className="flex items-start gap-2">
              <input
                id={id}
                type="radio"
                name={name}
                value={o.value}
                checked={value === o.value}
                onChange={() => onChange(o.value)}
                className="mt-1 size-4"
                aria-describedby={o.hint ? `${id}-hint` : undefined}
              />
              <div>
                <label htmlFor={id} className="text-sm font-medium text-slate-800">
                  {o.label}
                </label>
                {o.hint ? (
                  <p id={`${id}-hint`} className="text-xs text-slate-600">
                    {o.hint}
                  </p>
                ) : null}
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
