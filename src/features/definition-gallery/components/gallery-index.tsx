import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useQueries } from '@tanstack/react-query';
import { certificateTypes } from '../../../definitions';
import { definitionQuery } from '../../../services/get-definition';

type Props = { formPath: (code: string) => string };

/** Every certificate definition, for developers and testers to try without a patient. */
export function GalleryIndex({ formPath }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const definitions = useQueries({
    queries: certificateTypes.map((code) => definitionQuery(code)),
  });
  return (
    <div className="gallery">
      <h1 ref={headingRef} tabIndex={-1}>
        Definitionsgalleri
      </h1>
      <p>
        Här visas varje intygsdefinition som formulär med tomma svar, utan patient och utan utkast.
        Galleriet finns bara med den inbyggda testservern.
      </p>
      <ul className="gallery__list">
        {certificateTypes.map((code, index) => {
          const result = definitions[index];
          const definition = result?.data;
          return (
            <li key={code}>
              <Link to={formPath(code)}>
                {definition ? `${definition.formNumber} ${definition.name}` : code}
              </Link>
              {definition && <span className="gallery__kind"> ({definition.kind})</span>}
              {result?.isError && (
                <span className="gallery__error"> – definitionen kunde inte läsas</span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
