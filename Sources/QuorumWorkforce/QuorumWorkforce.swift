// QuorumWorkforce: the workforce figures. Snapshot CSVs are read and checked (totals,
// rates, names), measures and their formulas are computed, targets assessed, snapshots
// compared, and the DfE benchmarks read or imported. This is where a number in a paper
// comes from. It must not know about papers, templates, HTML or output files.
