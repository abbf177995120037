<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>QObject</name>
    <message>
        <source>not verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ checksum differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ counts differ</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{%n field(s)}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n element(s)]</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Migration record&lt;/h3&gt;&lt;table cellspacing=4&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>repaired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checksums</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ equal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ differ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Rejected row&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Reason:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Column:&lt;/b&gt; %2&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>binary-looking: UTF-8 with control characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text, not JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing in store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>extra in store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fields: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the source row has no record in the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stored record has no source row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written, not verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store was published without reading it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Verified: every table matches its source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deep check: the checksum of every row, computed from SQLite and from the decoded store, is equal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Verified, with rejected rows: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every table matches its source, but rows that could not be carried as values are kept in the store as reject:{table}:{rowid}, each with the reason; they are listed below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ Verification failed, with differences: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ Verification failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store was not published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first %1 are listed below; the exported report holds them too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each is listed below; export the report to keep the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(value)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SourceBanner</name>
    <message>
        <source>Text: the file on disk at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(✔ matches the index&apos;s %1 hash)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ The file changed since it was indexed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not match the index&apos;s %2 hash, so spans may point at other text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the index&apos;s hash is of a kind magellan-kv does not know; not checked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the index records no hash to check it against)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text: from the store&apos;s chunks; gaps where no chunk covers the text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not on disk: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No source text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder that holds the indexed files to see it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SourceTextLoader</name>
    <message>
        <source>⋯ bytes %1–%2: no chunk of the store covers them ⋯</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>magellan::AstExplorer</name>
    <message>
        <source>Choose &amp;Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the folder that holds the indexed files; remembered for this store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syntax tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for the file&apos;s text …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, bytes %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outside the text shown (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>magellan::AstTreeModel</name>
    <message>
        <source>Bytes from the file&apos;s start (end excluded), then line:column, both from 1; a column counts characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes  line:column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>magellan::BrowserWindow</name>
    <message>
        <source>All keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chunk: code chunks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ast: syntax trees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cfg: control-flow blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reject: rejected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>meta: migration record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>execlog: execution log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>metrics: file and symbol metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the store is in use by another process (pid %2); close it there first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — KV browser — magellan-kv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to a key or prefix, e.g. chunk:src/main.rs  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the keys of one namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose &amp;Source Database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Value…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find Key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>store %1 · no source database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>store %1 · source %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key at or after “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key starts with “%1”; showing the next one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is no longer in the store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No value is selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>magellan databases (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify Against Source…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store has no key %1: the source rows behind it were not carried.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;iles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store&apos;s keys by prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store&apos;s files by folder: chunks, AST and functions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in Values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in &amp;Values…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>magellan::ComparisonModel</name>
    <message>
        <source>not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite rows = KV records + rejected: %1
keys = carried groups: %2
checksums: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>equal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>differ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KV keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KV records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repaired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values that are not valid UTF-8, or BLOBs: stored as readable text (U+FFFD for each bad byte) with their exact bytes beside them in {column}_base64. Nothing is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows that cannot be carried as values: each is kept as reject:{table}:{rowid} with the reason and the row as found.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>magellan::FieldComparisonModel</name>
    <message>
        <source>The SQLite row as the migrator encodes it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record %1 is not in the source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record %1 is not in the store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not in the source)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not in the store)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ %1: identical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ %1: on one side only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ %1: differs (same fields, in another order)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>✘ %1: %n field(s) differ</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>✘ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no such field)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is only in the store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is only in the source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>store:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 differs from character %2:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>magellan::FilesModel</name>
    <message>
        <source>1 file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chunks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AST nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Functions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>magellan::FilesView</name>
    <message>
        <source>1 file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find files: part of a path, or a glob such as *.py</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Span / size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the files: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a file to see its chunks, AST and functions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding the files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the files of the store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only chunks are counted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AST: %1 File entities with this path (indexed again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs the source database (File &gt; Choose Source Database): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No File entity in the source has this path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not in the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chunks: %1, in source order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no symbol)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Functions: %1 with control-flow blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs the source database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting AST nodes and functions…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>magellan::FindInValuesPanel</name>
    <message>
        <source>Text to find in values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fi&amp;nd:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Substring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A regular expression is Perl-compatible; ^ and $ match at each line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matc&amp;h case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chunk content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Symbol names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AST kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any value (raw JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where to look: a field of chunk or AST values, text decoded; or the raw bytes of every value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Look in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the search (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a text and press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the text to find.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 match in 1 value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matches in 1 value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matches in %2 values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 values scanned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · the first %1 listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>magellan::JsonTreeModel</name>
    <message>
        <source>(value)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>magellan::KeyTreeModel</name>
    <message>
        <source>counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⋯ earlier entries (scroll up or double-click to list them)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>magellan::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Store in KV Browser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About magellan-kv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open magellan database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>magellan databases (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open RocksDB store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% migrating — </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About magellan-kv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;magellan-kv %1&lt;/h3&gt;&lt;p&gt;Moves the side tables of a magellan index (code_chunks, ast_nodes, cfg_blocks) from SQLite into a RocksDB store, reads the store back and shows that nothing was lost.&lt;/p&gt;&lt;p&gt;KV format version 1. Built with Qt %2.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>magellan::MigrationPanel</name>
    <message>
        <source>The new store is complete. Nothing is written to %1 until you answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short keys, as the seed tool writes them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys like ast:{file_id} and cfg:{function_id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys that name their kind, as magellan reads them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys like ast:file:{file_id} and cfg:func:{function_id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Read the store back and compare it with the source before publishing it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder for the new RocksDB store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the new RocksDB store; a relative path is taken beside the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the destination folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key layout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Destination:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Migrate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migrate (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export report as &amp;JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export report as C&amp;SV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in KV &amp;browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count comparison (read back from the store)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;No database open&lt;/h3&gt;&lt;p&gt;Open a magellan index (&lt;b&gt;File › Open&lt;/b&gt;, Ctrl+O) or drop a &lt;tt&gt;.db&lt;/tt&gt; file on this window. Its side tables are moved into a RocksDB store, and the store is read back and compared with the source.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;%2 &amp;middot; %3 &amp;middot; modified %4 &amp;middot; schema version %5 &amp;middot; journal mode %6&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready. Check the tables to migrate, then press Migrate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A store is already here, written %1. Migrating replaces it once the new one is complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A store is already here (it has no migration record). Migrating replaces it once the new one is complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A store is already here and another program has it open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something that is not a store is already here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store at %1 is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to migrate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check at least one table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder for the new store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the existing store?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists.

Replace it? The old store is kept until the new one is complete and verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migrating into %1 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1 into %2 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the store back and comparing it with the source …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop now? The store already at %1 stays unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop now? Nothing will be written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the migration?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop migrating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep going</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped: nothing written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no report to export yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differences, rejected rows and repaired values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 differs from the source: finding the rows that do …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a row, or press Enter, to open its key in the KV browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store was not published, so these rows cannot be opened; export the report to keep them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differences: %1 (%2 listed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No row rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected rows: %1, each kept under reject:{table}:{rowid}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repaired values: %1 (not valid UTF-8, or BLOBs: stored as text with their exact bytes beside them in {column}_base64)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orphan rows carried: %1 (they name no graph entity, as re-indexing leaves them; the report lists them)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>magellan::RecentMenu</name>
    <message>
        <source>&amp;Clear Recent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>magellan::RecordComparisonView</name>
    <message>
        <source>&amp;Differences only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide identical records and identical fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;vious difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the previous differing field (Shift+F8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;xt difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the next differing field (F8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields compared with the source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the selected field differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a differing field to see where its values part.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>magellan::ReportRowsModel</name>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>repaired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a BLOB, stored as text with its bytes in %1_base64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not valid UTF-8, stored as text with its bytes in %1_base64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no table)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The source row&apos;s rowid; none for a record the source does not have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>magellan::SavedFileNotice</name>
    <message>
        <source>Open &amp;folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>magellan::TableProgressGrid</name>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space checks or unchecks the table to migrate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional table: migrated when checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side table: migrated unless unchecked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not migrated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written, verifying next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verifying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped: nothing written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written, not verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compared again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>differences found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finding differences</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>magellan::ValueInspector</name>
    <message>
        <source>JSON tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a key to see its value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decoding %1 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Cannot show it as its kind:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Cannot read it as JSON:&lt;/b&gt; %1. It is shown as bytes.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>content_hash %1 (not a known hash length; not checked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ content_hash matches the text (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ content_hash does not match the text (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no symbol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>symbol %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>symbol %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bytes %1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text had bytes that are not UTF-8; they show as �, the exact bytes are in content_base64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Source text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 with a parent outside this group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;AST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;FG blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;ecord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rejected row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row as f&amp;ound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Migration record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all of the formatted text (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON &amp;tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare with source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up the source rows …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File: %1 (from graph_entities)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ %1 of %2 records match their source rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ %1 of %2 records match their source rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the source: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No source database is known for this store. Choose one with File › Choose Source Database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nodes: %1, roots: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose F&amp;older…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the folder that holds the indexed files; remembered for this store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Function source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up the function …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder That Holds the Indexed Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Function: not known to the source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Function: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>magellan::ValueMatchModel</name>
    <message>
        <source>%1: 1 match; double-click to open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 matches; double-click to open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>magellan::VerificationDialog</name>
    <message>
        <source>Verify against source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing the store %1 with its source %2, row by row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a row, or press Enter, to compare its key with the source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export report as &amp;JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export report as C&amp;SV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading %1 from the source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 differs: finding the rows that do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification cancelled: nothing was found either way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot verify: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no report to export yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report was not written: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
