using System.Numerics;
using TokenEconSim.Domain.Chain;
using TokenEconSim.Domain.Consensus.Difficulty;
using TokenEconSim.Domain.Consensus.Prediction;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Randomness;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Domain.Consensus.Production;

/// <summary>
/// Proof of work on a validated chain (docs/model.md §4.3–§4.4). Every block is assembled with a real header
/// (previous hash, merkle root of its transactions, time, nBits from the difficulty algorithm) and
/// appended only when <see cref="Blockchain"/> accepts it. <c>sampled</c>: the time to the next
/// block is Exp(mean E/H) with E = 2²⁵⁶/(target+1) the expected hashes at the required target and H
/// the active hashrate; the winner is drawn ∝ hashrate; the proof is not ground. <c>real</c>:
/// miners grind nonces round by round (<see cref="RealPowRace"/>) and the chain checks hash ≤ target.
/// The genesis target is set so that the first epoch's hashrate meets the target block time.
/// With a chain node (the silo's chain grain) every block is also submitted there (the epoch's
/// blocks in one call), to a second, independent validator of the same rules; a refusal by either
/// stops the run.
/// Hashrate units: real hashing counts hashes per second; sampled hashing counts 2³² hashes per
/// second (difficulty-1 work per second, Bitcoin's unit), which keeps targets below Bitcoin's
/// powLimit 2²²⁴ where Core's retarget arithmetic (a 256-bit product that wraps) stays exact.
/// </summary>
public sealed class PowProducer(ConsensusSection settings, INonceSearcher miners, IChainNode? chainNode = null,
    GreedyHashrate? greedy = null, Func<IHashratePredictor>? lstmPredictor = null) : IBlockProducer
{
    private static readonly BigInteger MaxTarget = (BigInteger.One << 256) - 1;
    private Blockchain? _chain;
    private WindowHashrate? _forecaster;
    private RealPowRace? _race;
    private double _lastBlockTime;
    private readonly double _hashUnit = settings.Hashing == HashingMode.Real ? 1 : 4294967296.0;

    public Blockchain? Chain => _chain;

    public async Task<ProductionResult> ProduceAsync(ConsensusInput input, long runSeed)
    {
        var total = WeightedChoice.Total(input.Hashrates) * _hashUnit;
        if (_chain is null && total > 0) await StartAsync(total, runSeed);
        var blocks = new List<ProducedBlock>();
        var records = new List<BlockRecord>();
        var credits = new List<AgentCredit>();
        var submitted = new List<SubmittedBlock>();
        var expectedHashes = 0.0;
        var epochStartTime = Math.Max(_lastBlockTime, input.EpochStart);
        if (_chain is { } chain && total > 0)
        {
            var rng = Seeds.SharedRng(runSeed, input.Epoch, RngPurpose.BlockProduction);
            var t = epochStartTime;
            while (await NextBlockAsync(chain, input, total, rng, t, first: blocks.Count == 0) is var (block, time) && block is not null)
            {
                t = time;
                var forecast = _forecaster?.Forecast;
                var verdict = chain.Append(block, block.Header.Time, forecast);
                if (!verdict.IsAccepted)
                    throw new InvalidOperationException($"epoch {input.Epoch}: the chain refused block {block.Height}: {verdict.Reason}");
                submitted.Add(new SubmittedBlock(block, block.Header.Time, forecast));
                var work = CompactTarget.ExpectedHashes(block.Header.Bits);
                expectedHashes += work;
                if (_forecaster is not null)
                    await _forecaster.OnBlockAsync(work, t - (blocks.Count == 0 ? epochStartTime : blocks[^1].Time), new WindowContext(
                        input.TokenPrice, Tokens.TokenUnits.ToTokens(input.BlockRewardUnits),
                        CompactTarget.Difficulty(block.Header.Bits), block.Header.Time));
                blocks.Add(new ProducedBlock(block.Height, t, block.ProducerId));
                records.Add(new BlockRecord(block.Height, input.Epoch, t, block.ProducerId, block.Header.Bits, chain.TipHash.ToString()));
                credits.Add(new AgentCredit(block.ProducerId, input.BlockRewardUnits));
                _lastBlockTime = t;
            }
        }
        if (chainNode is not null && submitted.Count > 0 && await chainNode.SubmitAsync(submitted) is { IsAccepted: false } refused)
            throw new InvalidOperationException($"epoch {input.Epoch}: the chain node refused block {refused.RefusedHeight}: "
                + $"{refused.Verdict.Reason}");
        var span = blocks.Count == 0 ? 0 : blocks[^1].Time - epochStartTime;
        var difficulty = _chain is null ? double.NaN : CompactTarget.Difficulty(_chain.Tip.Bits);
        return new ProductionResult(blocks, records, credits, difficulty, span > 0 ? expectedHashes / span / _hashUnit : double.NaN)
        {
            HashratePredicted = _forecaster?.Forecast is { } f ? f.Predicted / _hashUnit : double.NaN,
        };
    }

    private async Task StartAsync(double initialHashrate, long runSeed)
    {
        var bits = GenesisBits(settings, initialHashrate);
        _chain = CreateChain(settings, bits, runSeed);
        if (settings.Difficulty.Algorithm.Forecasts())
            _forecaster = new WindowHashrate(settings.Difficulty.RetargetWindow, CreatePredictor(settings.Difficulty, runSeed),
                settings.Difficulty.SkillWindows);
        if (settings.Hashing == HashingMode.Real) _race = new RealPowRace(CompactTarget.ExpectedHashes(bits), miners);
        if (chainNode is not null) await chainNode.StartAsync(bits);
    }

    private IHashratePredictor CreatePredictor(DifficultySection d, long runSeed) => d.Predictor switch
    {
        PredictorKind.Lstm => lstmPredictor?.Invoke() ?? new LocalLstmPredictor(new LstmHashratePredictor(d.Lstm, runSeed)),
        PredictorKind.Holt => new HoltPredictor(d.HoltAlpha, d.HoltBeta),
        PredictorKind.SeasonalNaive => new SeasonalNaivePredictor(d.SeasonWindows),
        _ => new LastValuePredictor(),
    };

    /// <summary>The run's chain: the scenario's difficulty algorithm from <paramref name="genesisBits"/>, genesis from the seed.</summary>
    public static Blockchain CreateChain(ConsensusSection settings, uint genesisBits, long runSeed) =>
        Blockchain.WithGenesis(runSeed, CreateDifficulty(settings, genesisBits), ChainRulesFor(settings));

    /// <summary>The chain's rules: the proof the hashing mode checks, block times never too far ahead (simulated time only).</summary>
    public static ChainRules ChainRulesFor(ConsensusSection settings) => new()
    {
        Proof = settings.Hashing == HashingMode.Real ? ProofMode.Real : ProofMode.Sampled,
        MaxFutureBlockTime = long.MaxValue / 4,
    };

    /// <summary>The genesis nBits at which <paramref name="initialHashrate"/> (hashes per second) meets the target block time.</summary>
    public static uint GenesisBits(ConsensusSection settings, double initialHashrate)
    {
        var limit = settings.Hashing == HashingMode.Real ? MaxTarget : BitcoinRetargetParams.MainnetPowLimit;
        var target = BigInteger.Min(limit, BigInteger.Max(BigInteger.One,
            new BigInteger(Math.Pow(2, 256) / Math.Max(1, settings.TargetBlockTime * initialHashrate)) - 1));
        return CompactTarget.Encode(target);
    }

    /// <summary>The scenario's difficulty algorithm from <paramref name="genesisBits"/>.</summary>
    public static IDifficultyAlgorithm CreateDifficulty(ConsensusSection settings, uint genesisBits)
    {
        var d = settings.Difficulty;
        var real = settings.Hashing == HashingMode.Real;
        return DifficultyAlgorithms.Create(d.Algorithm, new DifficultySettings
        {
            TargetSpacing = (long)Math.Max(1, Math.Round(settings.TargetBlockTime)),
            PowLimit = real ? MaxTarget : BitcoinRetargetParams.MainnetPowLimit,
            InitialBits = genesisBits,
            RetargetWindow = d.RetargetWindow,
            ClampFactor = d.ClampFactor,
            HalfLife = (long)Math.Round(d.HalfLife),
            Eta = d.Eta,
            TrustMax = d.TrustMax,
            EthereumBomb = d.Bomb,
            // Homestead's rule balances where E⌊Δ/L⌋ = 1; for exponential block times that is a mean of
            // L/ln 2 (mainnet's L = 10 s gave its ~14 s blocks). L = T·ln 2 aims the rule at the target T.
            EthereumDurationLimit = (long)Math.Max(1, Math.Round(settings.TargetBlockTime * Math.Log(2))),
            EthereumMinimumDifficulty = 2048,
        });
    }

    /// <summary>The next block and its simulated time, or no block before the epoch ends.</summary>
    private async Task<(Block? Block, double Time)> NextBlockAsync(Blockchain chain, ConsensusInput input, double totalHashrate, Random rng,
        double t, bool first)
    {
        if (_race is { } race)
            return await race.MineAsync(chain, input, totalHashrate, t, _forecaster?.Forecast, producer => Transactions(input, producer, first));
        return (NextSampledBlock(chain, input, totalHashrate, rng, ref t, first), t);
    }

    private Block? NextSampledBlock(Blockchain chain, ConsensusInput input, double totalHashrate, Random rng, ref double t, bool first)
    {
        if (settings.BlockTiming == BlockTiming.Fixed)
        {
            var next = t + settings.TargetBlockTime;
            if (next > input.EpochEnd + 1e-9) return null;
            t = next;
        }
        else
        {
            var expected = CompactTarget.ExpectedHashes(chain.RequiredBits(HeaderTime(chain, t), _forecaster?.Forecast));
            var hashrate = totalHashrate * (greedy?.Multiplier(expected, settings.TargetBlockTime * totalHashrate) ?? 1);
            var meanInterval = expected / hashrate;
            // Exp(mean) by inversion: memoryless, so restarting at the epoch boundary changes nothing.
            var next = t - meanInterval * Math.Log(1 - rng.NextDouble());
            if (next >= input.EpochEnd) return null;
            t = next;
        }
        var producer = input.MinerIds[WeightedChoice.Pick(input.Hashrates, WeightedChoice.Total(input.Hashrates), rng)];
        var time = HeaderTime(chain, t);
        return Block.Assemble(chain.TipHeight + 1, chain.TipHash, time, chain.RequiredBits(time, _forecaster?.Forecast),
            Transactions(input, producer, first), producer);
    }

    /// <summary>The block's transactions: its producer's reward; the epoch's first block also records data, model and fee digests.</summary>
    private static IReadOnlyList<ChainTransaction> Transactions(ConsensusInput input, int producer, bool firstOfEpoch)
    {
        var reward = ChainTransaction.Reward(producer, input.BlockRewardUnits);
        if (!firstOfEpoch) return [reward];
        return [reward, ChainTransaction.DataBatch(-1, input.DataDigest), ChainTransaction.ModelUpdate(-1, input.ModelDigest),
            ChainTransaction.Fee(-1, input.PreviousFeesBurned)];
    }

    /// <summary>Whole seconds, and never at or before the median of the last 11 blocks (Bitcoin's rule).</summary>
    internal static uint HeaderTime(Blockchain chain, double t) =>
        (uint)Math.Max((long)Math.Floor(t), chain.MinimumNextTime);
}
