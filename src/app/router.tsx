import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { env } from '../config/env';
import { paths } from '../config/paths';
import { AppLayout } from './layout/app-layout';
import { NotFoundLayout } from './layout/not-found-layout';
import { PublicLayout } from './layout/public-layout';
import { ErrorPage, PageError } from './routes/error-page';
import { NotFoundPage } from './routes/not-found-page';

/**
 * A layout's pages under one error boundary of their own, so that a page whose code or data
 * fails shows its failure inside the layout: the header and the menu stay.
 */
function pages(children: RouteObject[]): RouteObject[] {
  return [{ errorElement: <PageError />, children }];
}

/** Routes; each page's code is loaded when it is first visited. */
export function createRouter(queryClient: QueryClient) {
  return createBrowserRouter([
    {
      errorElement: <ErrorPage />,
      children: [
        {
          Component: PublicLayout,
          children: pages([
            { path: paths.login, lazy: () => import('./routes/login') },
            {
              path: paths.registration,
              lazy: async () => ({
                Component: (await import('./routes/registration')).RegistrationRoute,
              }),
            },
            {
              path: paths.loggedOut,
              lazy: async () => ({
                Component: (await import('./routes/session-ended')).LoggedOutRoute,
              }),
            },
            {
              path: paths.sessionExpired,
              lazy: async () => ({
                Component: (await import('./routes/session-ended')).SessionExpiredRoute,
              }),
            },
          ]),
        },
        {
          Component: AppLayout,
          children: pages([
            { path: paths.search, lazy: () => import('./routes/search') },
            {
              path: paths.myDetails,
              lazy: async () => ({
                Component: (await import('./routes/registration')).MyDetailsRoute,
              }),
            },
            { path: paths.patientPattern, lazy: () => import('./routes/patient') },
            { path: paths.certificatePattern, lazy: () => import('./routes/certificate') },
            {
              path: paths.inbox,
              lazy: async () => ({ Component: (await import('./routes/work-lists')).InboxRoute }),
            },
            {
              path: paths.drafts,
              lazy: async () => ({ Component: (await import('./routes/work-lists')).DraftsRoute }),
            },
            {
              path: paths.signed,
              lazy: async () => ({ Component: (await import('./routes/work-lists')).SignedRoute }),
            },
            // The definition gallery exists only with the embedded backend (for developers and testers).
            ...(env.mockBackend
              ? [
                  {
                    path: paths.gallery,
                    lazy: async () => ({
                      Component: (await import('./routes/gallery')).GalleryIndexRoute,
                    }),
                  },
                  {
                    path: paths.galleryFormPattern,
                    lazy: async () => {
                      const route = await import('./routes/gallery');
                      return {
                        Component: route.GalleryFormRoute,
                        loader: route.galleryFormLoader(queryClient),
                      };
                    },
                  },
                ]
              : []),
          ]),
        },
        // Mina intyg: the patient's own part, with its own log-in.
        {
          path: paths.portal,
          lazy: async () => ({
            Component: (await import('./routes/mina-intyg')).PortalLayoutRoute,
          }),
          children: pages([
            {
              index: true,
              lazy: async () => ({
                Component: (await import('./routes/mina-intyg')).PortalCertificatesRoute,
              }),
            },
            {
              path: paths.portalCertificatePattern,
              lazy: async () => ({
                Component: (await import('./routes/mina-intyg')).PortalCertificateRoute,
              }),
            },
          ]),
        },
        // Försäkringskassan's side, simulated for testers (the backend's FK simulator).
        {
          path: paths.fk,
          lazy: async () => ({ Component: (await import('./routes/fk')).FkLayoutRoute }),
          children: pages([
            {
              index: true,
              lazy: async () => ({ Component: (await import('./routes/fk')).FkCasesRoute }),
            },
            {
              path: paths.fkCasePattern,
              lazy: async () => ({ Component: (await import('./routes/fk')).FkCaseRoute }),
            },
          ]),
        },
        { Component: NotFoundLayout, children: [{ path: '*', Component: NotFoundPage }] },
      ],
    },
  ]);
}

export type AppRouter = ReturnType<typeof createRouter>;
