import { DomainError, type ErrorCode, type Lang } from '@huiyin/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { RequestValidationError, validationDetails } from './route-schemas.ts';

/** The one table from error code to HTTP status. A code without a status fails to compile. */
export const httpStatusOf: Record<ErrorCode, number> = {
  validation_failed: 400,
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  illegal_transition: 409,
  version_conflict: 409,
  conflict: 409,
  originators_unanswered: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  account_locked: 423,
  password_change_required: 403,
  totp_required: 401,
  totp_enrolment_required: 403,
  internal: 500,
};

const messages: Record<ErrorCode, { zh: string; en: string }> = {
  validation_failed: { zh: '提交的内容不符合要求', en: 'The request did not pass validation' },
  bad_request: { zh: '请求格式有误', en: 'The request is malformed' },
  unauthorized: { zh: '请先登录，或登录已过期', en: 'Sign in first, or your sign-in has expired' },
  forbidden: { zh: '您没有进行此操作的权限', en: 'You may not do this' },
  not_found: { zh: '未找到该记录', en: 'Not found' },
  illegal_transition: { zh: '当前状态下不能进行此操作', en: 'This action is not allowed in the current status' },
  version_conflict: { zh: '该工单已被他人更新，请刷新后重试', en: 'The case was changed by someone else; reload and try again' },
  conflict: { zh: '与现有记录冲突', en: 'This conflicts with an existing record' },
  gone: { zh: '链接已过期', en: 'This link has expired' },
  originators_unanswered: {
    zh: '还有反映人未收到答复，不能验收销号',
    en: 'Some who raised its matters have not been answered yet: the project cannot be struck off',
  },
  payload_too_large: { zh: '提交的内容或文件过大', en: 'The request or file is too large' },
  unsupported_media_type: { zh: '不支持该文件或内容类型', en: 'This file or content type is not supported' },
  rate_limited: { zh: '操作过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  account_locked: { zh: '登录失败次数过多，账号已暂时锁定', en: 'Too many failed sign-ins: the account is locked for now' },
  password_change_required: { zh: '请先修改密码', en: 'Change your password first' },
  totp_required: { zh: '请输入动态验证码', en: 'Enter the code from your authenticator app' },
  totp_enrolment_required: { zh: '请先绑定动态验证码（双因素认证）', en: 'Set up two-factor sign-in first' },
  internal: { zh: '系统内部错误，请稍后再试', en: 'Internal error; try again later' },
};

export type { Lang };
export { validationDetails };

/** zh-CN is the default; English when the caller prefers it. */
export function langOf(req: FastifyRequest): Lang {
  const al = String(req.headers['accept-language'] ?? '').toLowerCase();
  const first = al.split(',')[0]?.trim() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}

export function errorBody(code: ErrorCode, lang: Lang, detailMessage?: string, details?: unknown) {
  const base = messages[code][lang];
  return {
    error: {
      code,
      message: detailMessage ? `${base}${lang === 'zh' ? '：' : ': '}${detailMessage}` : base,
      ...(details !== undefined ? { details } : {}),
    },
  };
}

const fastifyCodeMap: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'unsupported_media_type',
  FST_REQ_FILE_TOO_LARGE: 'payload_too_large',
  FST_PARTS_LIMIT: 'payload_too_large',
  FST_FILES_LIMIT: 'payload_too_large',
  FST_FIELDS_LIMIT: 'payload_too_large',
  FST_ERR_BAD_URL: 'bad_request',
};

/** SQLSTATEs for text PostgreSQL refuses to store: 22021 invalid byte sequence (NUL), 22P05 untranslatable character. */
const inputDataExceptions = new Set(['22021', '22P05']);

export function sendError(req: FastifyRequest, reply: FastifyReply, err: unknown): FastifyReply {
  const lang = langOf(req);
  if (err instanceof RequestValidationError) err = err.toDomainError(lang);
  if (err instanceof DomainError) {
    // A lockout or a throttle says when to come back, in the details and as Retry-After (seconds, from the service's clock).
    const retry = err.details?.['retryAfterSeconds'];
    if (typeof retry === 'number' && Number.isInteger(retry) && retry > 0) reply.header('retry-after', String(retry));
    return reply
      .status(httpStatusOf[err.code])
      .send(errorBody(err.code, lang, err.message !== err.code ? err.message : undefined, err.details));
  }
  if (err instanceof z.ZodError) {
    return reply.status(400).send(errorBody('validation_failed', lang, undefined, validationDetails(err.issues)));
  }
  // Text the database cannot store (a NUL character, an invalid byte sequence) is the caller's input, not our fault.
  const pgCode = (err as { code?: unknown } | null)?.code;
  if (typeof pgCode === 'string' && inputDataExceptions.has(pgCode)) {
    return reply
      .status(400)
      .send(errorBody('bad_request', lang, lang === 'zh' ? '包含无法保存的字符' : 'contains characters that cannot be stored'));
  }
  const fe = err as FastifyError;
  const mapped = fe?.code ? fastifyCodeMap[fe.code] : undefined;
  if (mapped) return reply.status(httpStatusOf[mapped]).send(errorBody(mapped, lang, fe.message));
  if (fe?.statusCode === 429) return reply.status(429).send(errorBody('rate_limited', lang));
  if (fe?.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return reply.status(fe.statusCode).send(errorBody('bad_request', lang, fe.message));
  }
  req.log.error({ err }, 'unhandled error');
  return reply.status(500).send(errorBody('internal', lang));
}
