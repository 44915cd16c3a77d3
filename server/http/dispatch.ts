import { contain } from './failures';
import type { ApiRoute, PathParams } from './route';

/**
 * Hands each request to the routes that could match its method and path, in their order; the
 * first that answers wins. Routes are grouped by the literal start of their path, so a request
 * visits only the routes that share it, not all of them (there are about 170).
 */

interface CompiledRoute {
  route: ApiRoute;
  /** The literal part of the path before its first parameter or wildcard. */
  prefix: string | undefined;
  pattern: RegExp | undefined;
  names: readonly string[];
}

function compile(route: ApiRoute): CompiledRoute {
  const { path } = route;
  if (path === undefined) return { route, prefix: undefined, pattern: undefined, names: [] };
  const names: string[] = [];
  const source = path
    .split('/')
    .map((segment) => {
      if (segment === '*') return '.*';
      if (segment.startsWith(':')) {
        names.push(segment.slice(1));
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return {
    route,
    prefix: /^[^:*]*/.exec(path)?.[0] ?? '',
    // A trailing slash is the same path.
    pattern: new RegExp(`^${source}/?$`),
    names,
  };
}

function decode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

function paramsOf(compiled: CompiledRoute, pathname: string): PathParams | undefined {
  if (compiled.pattern === undefined) return {};
  const match = compiled.pattern.exec(pathname);
  if (match === null) return undefined;
  const params: Record<string, string> = {};
  for (const [index, name] of compiled.names.entries()) {
    const value = decode(match[index + 1] ?? '');
    if (value === undefined) return undefined;
    params[name] = value;
  }
  return params;
}

export type Dispatch = (request: Request) => Promise<Response | undefined>;

export function createDispatcher(routes: readonly ApiRoute[]): Dispatch {
  const compiled = routes.map(compile);
  return async (request) => {
    const { pathname } = new URL(request.url);
    for (const candidate of compiled) {
      const { route, prefix } = candidate;
      if (route.method !== undefined && route.method !== request.method) continue;
      if (prefix !== undefined && !pathname.startsWith(prefix)) continue;
      if (route.matches !== undefined && !route.matches(request)) continue;
      const params = paramsOf(candidate, pathname);
      if (params === undefined) continue;
      // No exception leaves the backend: MSW's own answer to one would carry its stack.
      const response = await contain(request, () => route.resolve({ request, params }));
      if (response !== undefined) return response;
    }
    return undefined;
  };
}
