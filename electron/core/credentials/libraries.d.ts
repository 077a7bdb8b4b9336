/** The part of jsonld.js (Digital Bazaar) that SPQA calls; the package ships no types. */
declare module 'jsonld' {
  export interface RemoteDocument {
    contextUrl: string | null;
    documentUrl: string;
    document: unknown;
  }
  export type DocumentLoader = (url: string) => Promise<RemoteDocument>;
  interface JsonLd {
    canonize(
      input: unknown,
      options: {
        algorithm: 'RDFC-1.0';
        format: 'application/n-quads';
        safe: boolean;
        documentLoader: DocumentLoader;
      },
    ): Promise<string>;
  }
  const jsonld: JsonLd;
  export default jsonld;
}
