import { startTransition, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  applyState,
  decodeExplorerData,
  partnerNames,
  FILTER_KEYS,
  searchFromState,
  stateFromSearch,
  type ExplorerData,
  type ExplorerItem,
  type ExplorerState,
  type FilterKey,
  type Option,
  type Sort,
} from './explorer-model.ts';

export interface ExplorerProps {
  locale: string;
  /** The hashed URL of the data file (lib/explorer-data.ts). */
  dataUrl: string;
  /** /progetti/: a project's page is at <projectsHref><slug>/. */
  projectsHref: string;
  /** Projects in the portfolio: the count shown until the data is there. */
  total: number;
  /** Results shown at a time, and added by "show more": the size of a page of the static list. */
  pageSize: number;
  labels: Record<
    | FilterKey
    | 'partnerHint'
    | 'search'
    | 'sort'
    | 'sortTitle'
    | 'sortStart'
    | 'sortBudget'
    | 'any'
    | 'reset'
    | 'result'
    | 'results'
    | 'noResults'
    | 'shareHint'
    | 'filters'
    | 'showMore'
    | 'shown'
    | 'loadFailed',
    string
  >;
  /** Plain links to the static listing pages (by status, funding line, theme, country): the filters without JavaScript. */
  browse: Array<{ title: string; links: Array<{ href: string; label: string }> }>;
  /** The server-rendered first page of the list, with its page links: shown until the data is there. */
  children?: ReactNode;
}

const EMPTY: ExplorerState = { filters: {}, q: '', sort: 'title' };
/** Filters chosen from a list; the partners (thousands in a national portfolio) are typed and suggested instead. */
const SELECT_KEYS = FILTER_KEYS.filter((key) => key !== 'partner');

/**
 * The partner filter: a text field that suggests partner names. A <select> of every partner would
 * put thousands of options in the page, costing the phone the explorer's first second; the
 * suggestions are added only when the field is first focused. The filter is set when the text is
 * a partner's name (partnerNames), and cleared when the text is not.
 */
function PartnerField({
  options,
  value,
  label,
  hint,
  onChange,
}: {
  options: Option[];
  value: string | undefined;
  label: string;
  hint: string;
  onChange: (mode: 'push' | 'replace', partner: string) => void;
}) {
  const { names, partnerNamed, nameOf } = useMemo(() => partnerNames(options), [options]);
  const [text, setText] = useState(() => nameOf(value));
  const [suggesting, setSuggesting] = useState(false);
  // The filter changed elsewhere (the URL, Back, reset): the field shows it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of the filter rewrites the text being typed.
  useEffect(() => {
    if (partnerNamed(text) !== value) setText(nameOf(value));
  }, [value, names]);

  return (
    <fieldset>
      <label className="block" htmlFor="explorer-partner">
        {label}
      </label>
      <input
        id="explorer-partner"
        type="search"
        list={suggesting ? 'explorer-partner-names' : undefined}
        autoComplete="off"
        aria-describedby="explorer-partner-hint"
        value={text}
        onFocus={() => setSuggesting(true)}
        onChange={(event) => {
          const typed = event.target.value;
          setText(typed);
          const partner = partnerNamed(typed) ?? '';
          if (partner !== (value ?? '')) onChange(partner ? 'push' : 'replace', partner);
        }}
      />
      <p className="meta" id="explorer-partner-hint">
        {hint}
      </p>
      {suggesting && (
        <datalist id="explorer-partner-names">
          {names.map((entry) => (
            <option key={entry.value} value={entry.name} />
          ))}
        </datalist>
      )}
    </fieldset>
  );
}

/**
 * Filters and sorts the project list in the browser. The HTML holds only the first page of the
 * static list (and plain links to the other pages and to the listing pages); once hydrated, the
 * island fetches the data file and shows the filters. The URL keeps the view: a change of filter
 * or sort is a history entry (Back undoes it), typing in the search box replaces the entry.
 */
export default function ProjectExplorer({ locale, dataUrl, projectsHref, total, pageSize, labels, browse, children }: ExplorerProps) {
  const [state, setState] = useState<ExplorerState>(EMPTY);
  const [data, setData] = useState<{ items: ExplorerItem[]; options: Record<FilterKey, Option[]> } | null>(null);
  const [failed, setFailed] = useState(false);
  const [shown, setShown] = useState(pageSize);
  // How the next state change goes into the history: 'push' (a filter), 'replace' (typing), 'none' (from the URL).
  const historyMode = useRef<'push' | 'replace' | 'none'>('none');

  useEffect(() => {
    setState(stateFromSearch(window.location.search));
    const onPop = () => {
      historyMode.current = 'none';
      setState(stateFromSearch(window.location.search));
    };
    window.addEventListener('popstate', onPop);
    let live = true;
    fetch(dataUrl)
      .then((response) => {
        if (!response.ok) throw new Error(`${dataUrl}: ${response.status}`);
        return response.json() as Promise<ExplorerData>;
      })
      .then((json) => {
        const decoded = decodeExplorerData(json, projectsHref);
        // A transition: React renders the filters and the results in slices, between which the page answers.
        if (live) startTransition(() => setData(decoded));
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      window.removeEventListener('popstate', onPop);
    };
  }, [dataUrl, projectsHref]);

  useEffect(() => {
    const mode = historyMode.current;
    historyMode.current = 'none';
    setShown(pageSize);
    if (!data || mode === 'none') return;
    const search = searchFromState(state);
    if (search === window.location.search) return;
    const url = `${window.location.pathname}${search}`;
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }, [state, data, pageSize]);

  const change = (mode: 'push' | 'replace', update: (s: ExplorerState) => ExplorerState) => {
    historyMode.current = mode;
    setState(update);
  };
  const setFilter = (key: FilterKey, value: string, mode: 'push' | 'replace' = 'push') =>
    change(mode, (s) => ({ ...s, filters: { ...s.filters, [key]: value || undefined } }));
  const visible = useMemo(() => (data ? applyState(data.items, state, locale) : []), [data, state, locale]);
  const count = data ? visible.length : total;

  return (
    <div className="explorer-layout">
      {data ? (
        // biome-ignore lint/a11y/useSemanticElements: the form is the search landmark; a <search> wrapper would add an element for the same role.
        <form className="filters" role="search" aria-label={labels.filters} onSubmit={(event) => event.preventDefault()}>
          <label className="block" htmlFor="explorer-q">
            {labels.search}
          </label>
          <input
            id="explorer-q"
            type="search"
            value={state.q}
            onChange={(event) => change('replace', (s) => ({ ...s, q: event.target.value }))}
          />
          {SELECT_KEYS.map((key) => (
            <fieldset key={key}>
              <label className="block" htmlFor={`explorer-${key}`}>
                {labels[key]}
              </label>
              <select id={`explorer-${key}`} value={state.filters[key] ?? ''} onChange={(event) => setFilter(key, event.target.value)}>
                <option value="">{labels.any}</option>
                {data.options[key].map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            </fieldset>
          ))}
          <PartnerField
            options={data.options.partner}
            value={state.filters.partner}
            label={labels.partner}
            hint={labels.partnerHint}
            onChange={(mode, partner) => setFilter('partner', partner, mode)}
          />
          <fieldset>
            <label className="block" htmlFor="explorer-sort">
              {labels.sort}
            </label>
            <select
              id="explorer-sort"
              value={state.sort}
              onChange={(event) => change('push', (s) => ({ ...s, sort: event.target.value as Sort }))}
            >
              <option value="title">{labels.sortTitle}</option>
              <option value="start">{labels.sortStart}</option>
              <option value="budget">{labels.sortBudget}</option>
            </select>
          </fieldset>
          <button type="button" className="button secondary" onClick={() => change('push', () => EMPTY)}>
            {labels.reset}
          </button>
          <p className="meta">{labels.shareHint}</p>
        </form>
      ) : (
        <nav className="filters" aria-label={labels.filters}>
          {browse.map((group) => (
            <div key={group.title}>
              <h2 className="block-title">{group.title}</h2>
              <ul className="filter-links">
                {group.links.map((link) => (
                  <li key={link.href}>
                    <a href={link.href}>{link.label}</a>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
      )}
      <div>
        <p className="result-count" role="status" aria-live="polite">
          {count} {count === 1 ? labels.result : labels.results}
          {data && visible.length > shown && ` (${labels.shown.replace('{n}', String(shown))})`}
        </p>
        {failed && <p>{labels.loadFailed}</p>}
        {!data ? (
          children
        ) : visible.length === 0 ? (
          <p>{labels.noResults}</p>
        ) : (
          <>
            <ul className="grid explorer-results">
              {visible.slice(0, shown).map((item) => (
                <li key={item.slug} className="card" data-project={item.slug}>
                  <h2 className="card-title">
                    <a href={item.href}>{item.acronym}</a>
                  </h2>
                  <p>
                    <strong>{item.title}</strong>
                  </p>
                  <p>{item.summary}</p>
                  <p className="meta">
                    <span className={`status status-${item.status}`}>{item.statusLabel}</span>
                    {item.fundingLineLabel && <span> · {item.fundingLineLabel}</span>}
                    {item.period && <span> · {item.period}</span>}
                  </p>
                </li>
              ))}
            </ul>
            {visible.length > shown && (
              <button type="button" className="button secondary show-more" onClick={() => setShown((n) => n + pageSize)}>
                {labels.showMore}
              </button>
            )}
          </>
        )}
      </div>
    </div>
  );
}
