using System.Globalization;
using TokenEconSim.Domain.Consensus;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Results;

/// <summary>
/// Streams blocks.csv, one row per block, epoch after epoch, so a long run never holds its chain
/// just to write it. Columns: <c>run_id,height,epoch,time,producer,bits,hash</c>. Same byte rules as
/// metrics.csv: UTF-8 without BOM, "\n" line endings, invariant culture, time in "R" round-trip form.
/// <c>bits</c> is the compact target as 8 lowercase hex digits without a prefix (<c>1d00ffff</c>),
/// the form Bitcoin Core's RPC prints; PoS/DPoS blocks carry none and read <c>00000000</c>.
/// With the network (<paramref name="network"/>, docs/model.md §19.6) every settled block is a row, stale ones included, and four columns
/// follow: <c>parent_hash,on_main_chain,reach50,reach90</c> (the flag 1/0, the reach times in seconds, empty when never reached).
/// </summary>
public sealed class BlocksCsvWriter(Stream destination, string runId, bool network = false)
    : CsvStreamWriter(destination, network ? NetworkHeader : Header)
{
    public const string Header = RunFiles.RunIdColumn + ",height,epoch,time,producer,bits,hash";
    public const string NetworkHeader = Header + ",parent_hash,on_main_chain,reach50,reach90";
    private readonly string _runId = RunIdCell(runId);

    /// <summary>Every block of the epoch, in the order the row lists them (height order).</summary>
    public void Write(EpochMetrics row)
    {
        ArgumentNullException.ThrowIfNull(row);
        foreach (var block in row.BlockRecords) Write(block);
    }

    public void Write(BlockRecord block)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(block);
        // The hash is the only free text: a comma or line break in it would shift every later column.
        if (block.Hash.AsSpan().IndexOfAny(",\n\r\"") >= 0)
            throw new ArgumentException($"Block {block.Height}: hash '{block.Hash}' cannot be a CSV cell.", nameof(block));
        var w = Writer;
        w.Write(_runId);
        w.Write(',');
        w.Write(block.Height.ToString(CultureInfo.InvariantCulture));
        w.Write(',');
        w.Write(block.Epoch.ToString(CultureInfo.InvariantCulture));
        w.Write(',');
        w.Write(MetricCells.Real(block.Time));
        w.Write(',');
        w.Write(block.ProducerId.ToString(CultureInfo.InvariantCulture));
        w.Write(',');
        w.Write(block.Bits.ToString("x8", CultureInfo.InvariantCulture));
        w.Write(',');
        w.Write(block.Hash);
        if (network) WriteNetwork(w, block);
        w.Write('\n');
    }

    private static void WriteNetwork(StreamWriter w, BlockRecord block)
    {
        var n = block.Network ?? throw new ArgumentException($"Block {block.Height}: a network run's block has no network record.", nameof(block));
        if (n.ParentHash.AsSpan().IndexOfAny(",\n\r\"") >= 0)
            throw new ArgumentException($"Block {block.Height}: parent hash '{n.ParentHash}' cannot be a CSV cell.", nameof(block));
        w.Write(',');
        w.Write(n.ParentHash);
        w.Write(n.OnMainChain ? ",1," : ",0,");
        w.Write(MetricCells.Real(n.Reach50));
        w.Write(',');
        w.Write(MetricCells.Real(n.Reach90));
    }
}
