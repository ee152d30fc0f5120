// Client of the desk's press and web monitoring (feeds, watch keywords, items to review) and its figures.
import type { z } from 'zod';
import { queryString, request, requestParsed } from '../../api.ts';
import {
  FeedItemResponse,
  FeedListOut,
  FeedResponse,
  FiguresOut,
  HandedReportOut,
  KeywordListOut,
  KeywordResponse,
  MonitoringListOut,
  ReportFeedItemOut,
} from '../../../shared/contracts/rumors-monitoring.ts';
import type { CreateFeedBody, FeedItemState, FigureBucket, UpdateFeedBody } from '../../../shared/contracts/rumors-monitoring.ts';
import { enc } from './rumors-api.ts';

export {
  FEED_FETCH_STATUS_LABELS,
  FEED_ITEM_STATES,
  FEED_ITEM_STATE_LABELS,
  FIGURE_BUCKETS,
  FIGURE_MEASURE_LABELS,
  FIGURE_MEASURES,
  MONITORING_LIMITS,
} from '../../../shared/contracts/rumors-monitoring.ts';
export type { FeedItemState, FeedItemView, FeedView, FigureBucket, FigureMeasure, FiguresView, KeywordView } from '../../../shared/contracts/rumors-monitoring.ts';

export const listFeeds = async (unitId: string) => (await requestParsed(FeedListOut, 'GET', `/api/rumors/feeds${queryString({ unitId })}`)).feeds;
export const createFeed = async (body: z.input<typeof CreateFeedBody>) => (await requestParsed(FeedResponse, 'POST', '/api/rumors/feeds', body)).feed;
export const updateFeed = async (id: string, body: z.input<typeof UpdateFeedBody>) => (await requestParsed(FeedResponse, 'PATCH', `/api/rumors/feeds/${enc(id)}`, body)).feed;
export const deleteFeed = (id: string) => request<void>('DELETE', `/api/rumors/feeds/${enc(id)}`);

export const listKeywords = async (unitId: string) => (await requestParsed(KeywordListOut, 'GET', `/api/rumors/keywords${queryString({ unitId })}`)).keywords;
export const addKeyword = async (unitId: string, keyword: string) => (await requestParsed(KeywordResponse, 'POST', '/api/rumors/keywords', { unitId, keyword })).keyword;
export const deleteKeyword = (id: string) => request<void>('DELETE', `/api/rumors/keywords/${enc(id)}`);

export const listFeedItems = (q: { unitId: string; state: FeedItemState; feedId?: string; offset?: number }) =>
  requestParsed(MonitoringListOut, 'GET', `/api/rumors/monitoring${queryString({ unitId: q.unitId, state: q.state, feedId: q.feedId, offset: q.offset })}`);
export const dismissFeedItem = async (itemId: string) => (await requestParsed(FeedItemResponse, 'POST', `/api/rumors/monitoring/${enc(itemId)}/dismiss`)).item;
export const reportFeedItem = (itemId: string, description?: string) =>
  requestParsed(ReportFeedItemOut, 'POST', `/api/rumors/monitoring/${enc(itemId)}/report`, description ? { description } : {});

export const figures = (q: { unitId: string; from?: string; to?: string; bucket: FigureBucket }) => requestParsed(FiguresOut, 'GET', `/api/rumors/figures${queryString(q)}`);

/** A social inbox message or comment handed to the desk as a report (the same report when handed before). */
export const reportFromSocial = (inboxItemId: string, unitId: string) => requestParsed(HandedReportOut, 'POST', `/api/rumors/from-social/${enc(inboxItemId)}`, { unitId });
