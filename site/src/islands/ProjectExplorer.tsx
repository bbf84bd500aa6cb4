import { useEffect, useMemo, useState } from 'react';
import {
  applyState,
  FILTER_KEYS,
  searchFromState,
  stateFromSearch,
  type ExplorerItem,
  type ExplorerState,
  type FilterKey,
  type Option,
  type Sort,
} from './explorer-model.ts';

export interface ExplorerProps {
  locale: string;
  items: ExplorerItem[];
  options: Record<FilterKey, Option[]>;
  labels: Record<FilterKey | 'search' | 'sort' | 'sortTitle' | 'sortStart' | 'sortBudget' | 'any' | 'reset' | 'result' | 'results' | 'noResults' | 'shareHint' | 'filters', string>;
  /** Plain links to the static listing pages (by status, funding line, theme, country): the filters without JavaScript. */
  browse: Array<{ title: string; links: Array<{ href: string; label: string }> }>;
}

const EMPTY: ExplorerState = { filters: {}, q: '', sort: 'title' };

/**
 * Filters and sorts the project list in the browser. Server-rendered with every project listed;
 * the filter controls appear once hydrated (they need JavaScript), and the URL keeps the view.
 */
export default function ProjectExplorer({ locale, items, options, labels, browse }: ExplorerProps) {
  const [state, setState] = useState<ExplorerState>(EMPTY);
  const [hydrated, setHydrated] = useState(false);

  useEffect(() => {
    setState(stateFromSearch(window.location.search));
    setHydrated(true);
    const onPop = () => setState(stateFromSearch(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    if (!hydrated) return;
    const search = searchFromState(state);
    if (search !== window.location.search) window.history.replaceState(null, '', `${window.location.pathname}${search}`);
  }, [state, hydrated]);

  const visible = useMemo(() => applyState(items, state, locale), [items, state, locale]);
  const setFilter = (key: FilterKey, value: string) => setState((s) => ({ ...s, filters: { ...s.filters, [key]: value || undefined } }));

  return (
    <div className="explorer-layout">
      {hydrated ? (
        <form className="filters" role="search" aria-label={labels.filters} onSubmit={(event) => event.preventDefault()}>
          <label className="block" htmlFor="explorer-q">{labels.search}</label>
          <input id="explorer-q" type="search" value={state.q} onChange={(event) => setState((s) => ({ ...s, q: event.target.value }))} />
          {FILTER_KEYS.map((key) => (
            <fieldset key={key}>
              <label className="block" htmlFor={`explorer-${key}`}>{labels[key]}</label>
              <select id={`explorer-${key}`} value={state.filters[key] ?? ''} onChange={(event) => setFilter(key, event.target.value)}>
                <option value="">{labels.any}</option>
                {options[key].map((option) => (
                  <option key={option.value} value={option.value}>{option.label}</option>
                ))}
              </select>
            </fieldset>
          ))}
          <fieldset>
            <label className="block" htmlFor="explorer-sort">{labels.sort}</label>
            <select id="explorer-sort" value={state.sort} onChange={(event) => setState((s) => ({ ...s, sort: event.target.value as Sort }))}>
              <option value="title">{labels.sortTitle}</option>
              <option value="start">{labels.sortStart}</option>
              <option value="budget">{labels.sortBudget}</option>
            </select>
          </fieldset>
          <button type="button" className="button secondary" onClick={() => setState(EMPTY)}>{labels.reset}</button>
          <p className="meta">{labels.shareHint}</p>
        </form>
      ) : (
        <nav className="filters" aria-label={labels.filters}>
          {browse.map((group) => (
            <div key={group.title}>
              <h2 className="block-title">{group.title}</h2>
              <ul className="filter-links">
                {group.links.map((link) => (
                  <li key={link.href}><a href={link.href}>{link.label}</a></li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
      )}
      <div>
        <p className="result-count" role="status" aria-live="polite">{visible.length} {visible.length === 1 ? labels.result : labels.results}</p>
        {visible.length === 0 ? (
          <p>{labels.noResults}</p>
        ) : (
          <ul className="grid explorer-results">
            {visible.map((item) => (
              <li key={item.slug} className="card" data-project={item.slug}>
                <h2 className="card-title"><a href={item.href}>{item.acronym}</a></h2>
                <p><strong>{item.title}</strong></p>
                <p>{item.summary}</p>
                <p className="meta">
                  <span className={`status status-${item.status}`}>{item.statusLabel}</span>
                  {item.fundingLineLabel && <span> · {item.fundingLineLabel}</span>}
                  {item.period && <span> · {item.period}</span>}
                </p>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
