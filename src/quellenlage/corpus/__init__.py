"""Corpus engine: many articles through the same single-article pipeline, into DuckDB.

Modules (nothing heavy is imported here):

* ``inputs``  – streaming records from JSONL, WARC/WARC.GZ and article files/directories;
* ``worker``  – the worker side: record -> `Article` -> pipeline -> rows (local processes or Dask);
* ``engine``  – `run_corpus()`: bounded batches, resumable, batches committed together;
* ``store``   – the DuckDB schema, the batch writer and the read-only query API
  (`summary`, `top_sources`, `top_channels`, `claim_groups`, `claim_group`, `drift`, `errors`,
  `runs`, `articles`, `article`) used by the report, the CLI and the web app;
* ``minhash`` / ``groups`` – claim fingerprints, grouping across articles, certainty drift;
* ``report`` / ``export`` – `corpus report|query|export`.
"""
