import type * as React from 'react';
import { useLocation } from 'react-router-dom';

/** The part of the content manager's side-panel contract our panels use. */
export interface PanelProps {
  model: string;
  documentId?: string;
  collectionType: string;
  document?: { locale?: string; updatedAt?: string; publishedAt?: string | null; status?: string } | null;
}
export type PanelComponent = ((props: PanelProps) => { title: string; content: React.ReactNode } | null) & { type?: string };

/** The language the edit view shows: its address says it, else the document. */
export function useEditedLocale(document: PanelProps['document']): string {
  const location = useLocation();
  return new URLSearchParams(location.search).get('plugins[i18n][locale]') ?? document?.locale ?? 'it';
}
