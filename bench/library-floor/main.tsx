// The JS floor of the editor's stack: React 19, react-dom, react-router, TanStack Query,
// react-hook-form and zod, each used for what the editor uses it for, and nothing of Intyga.
// `npm run bench:library-floor` builds it as the app is built and prints its gzip size.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, Link, RouterProvider, useParams } from 'react-router';
import { QueryClient, QueryClientProvider, useMutation, useQuery } from '@tanstack/react-query';
import { useController, useForm, useWatch, type Control } from 'react-hook-form';
import { z } from 'zod';

const certificateSchema = z.object({
  id: z.string().min(1),
  answers: z.record(z.string(), z.unknown()),
  version: z.number().int(),
  status: z.enum(['draft', 'signed']),
});

type Answers = { text: string };

function Field({ control }: { control: Control<Answers> }) {
  const { field } = useController({ name: 'text', control });
  const text = useWatch({ control, name: 'text' });
  return <textarea {...field} aria-label={`${String(text.length)} tecken`} />;
}

function Page() {
  const { id } = useParams();
  const certificate = useQuery({
    queryKey: ['certificate', id],
    queryFn: async () => certificateSchema.parse(await (await fetch(`/api/${id ?? ''}`)).json()),
  });
  const save = useMutation({ mutationFn: () => fetch('/api/save', { method: 'POST' }) });
  const form = useForm<Answers>({ defaultValues: { text: '' } });
  return (
    <main>
      <Link to="/">Start</Link>
      <p>{certificate.data?.id}</p>
      <button type="button" onClick={() => save.mutate()}>
        Spara
      </button>
      <Field control={form.control} />
    </main>
  );
}

const router = createBrowserRouter([{ path: '/:id?', Component: Page }]);
const container = document.getElementById('root');
if (container !== null) {
  createRoot(container).render(
    <StrictMode>
      <QueryClientProvider client={new QueryClient()}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
}
