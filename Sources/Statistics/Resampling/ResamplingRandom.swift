import CGSL

/// GSL's Mersenne Twister (mt19937, Matsumoto & Nishimura 1998) seeded explicitly, so
/// every bootstrap and permutation result can be reproduced from its seed. The
/// generator is owned by one call and never shared between threads.
final class ResamplingRandom {
    private let rng: UnsafeMutablePointer<gsl_rng>

    /// GSL treats seed 0 as its default seed 4357; we pass the seed through unchanged
    /// so results can be reproduced with `gsl_rng_set` in C as well.
    init(seed: UInt) {
        _ = GSL.ready
        // Allocation of a few kB fails only when memory is exhausted.
        rng = gsl_rng_alloc(cgsl_rng_mt19937())!
        gsl_rng_set(rng, seed)
    }

    deinit { gsl_rng_free(rng) }

    /// Uniform integer in 0..<n (`gsl_rng_uniform_int`, no modulo bias).
    func index(below n: Int) -> Int {
        Int(gsl_rng_uniform_int(rng, UInt(n)))
    }

    /// Fisher–Yates shuffle in place (Knuth, TAOCP vol. 2, Alg. 3.4.2P).
    func shuffle(_ a: inout [Double]) {
        var i = a.count - 1
        while i > 0 {
            let j = index(below: i + 1)
            a.swapAt(i, j)
            i -= 1
        }
    }
}
