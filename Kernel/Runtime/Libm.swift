// The C math library for the kernel: each symbol forwards to KernelCore.SoftMath (tested on the host
// against glibc). sqrt/sqrtf are single instructions in Boot/sqrt.asm (squareRoot() calls them).
import KernelCore

@_cdecl("fabs") public func c_fabs(_ x: Double) -> Double { x.magnitude }
@_cdecl("fabsf") public func c_fabsf(_ x: Float) -> Float { x.magnitude }
@_cdecl("floor") public func c_floor(_ x: Double) -> Double { SoftMath.floor(x) }
@_cdecl("floorf") public func c_floorf(_ x: Float) -> Float { SoftMath.floorf(x) }
@_cdecl("ceil") public func c_ceil(_ x: Double) -> Double { SoftMath.ceil(x) }
@_cdecl("ceilf") public func c_ceilf(_ x: Float) -> Float { SoftMath.ceilf(x) }
@_cdecl("trunc") public func c_trunc(_ x: Double) -> Double { SoftMath.trunc(x) }
@_cdecl("truncf") public func c_truncf(_ x: Float) -> Float { SoftMath.truncf(x) }
@_cdecl("round") public func c_round(_ x: Double) -> Double { SoftMath.round(x) }
@_cdecl("roundf") public func c_roundf(_ x: Float) -> Float { SoftMath.roundf(x) }
@_cdecl("rint") public func c_rint(_ x: Double) -> Double { SoftMath.rint(x) }
@_cdecl("rintf") public func c_rintf(_ x: Float) -> Float { Float(SoftMath.rint(Double(x))) }
@_cdecl("nearbyint") public func c_nearbyint(_ x: Double) -> Double { SoftMath.rint(x) }
@_cdecl("nearbyintf") public func c_nearbyintf(_ x: Float) -> Float { Float(SoftMath.rint(Double(x))) }
@_cdecl("fmod") public func c_fmod(_ x: Double, _ y: Double) -> Double { SoftMath.fmod(x, y) }
@_cdecl("fmodf") public func c_fmodf(_ x: Float, _ y: Float) -> Float { SoftMath.fmodf(x, y) }
@_cdecl("fmin") public func c_fmin(_ x: Double, _ y: Double) -> Double { SoftMath.fmin(x, y) }
@_cdecl("fminf") public func c_fminf(_ x: Float, _ y: Float) -> Float { SoftMath.fminf(x, y) }
@_cdecl("fmax") public func c_fmax(_ x: Double, _ y: Double) -> Double { SoftMath.fmax(x, y) }
@_cdecl("fmaxf") public func c_fmaxf(_ x: Float, _ y: Float) -> Float { SoftMath.fmaxf(x, y) }
@_cdecl("fma") public func c_fma(_ a: Double, _ b: Double, _ c: Double) -> Double { SoftMath.fma(a, b, c) }
@_cdecl("fmaf") public func c_fmaf(_ a: Float, _ b: Float, _ c: Float) -> Float { SoftMath.fmaf(a, b, c) }
@_cdecl("exp") public func c_exp(_ x: Double) -> Double { SoftMath.exp(x) }
@_cdecl("expf") public func c_expf(_ x: Float) -> Float { SoftMath.expf(x) }
@_cdecl("exp2") public func c_exp2(_ x: Double) -> Double { SoftMath.exp2(x) }
@_cdecl("exp2f") public func c_exp2f(_ x: Float) -> Float { SoftMath.exp2f(x) }
@_cdecl("log") public func c_log(_ x: Double) -> Double { SoftMath.log(x) }
@_cdecl("logf") public func c_logf(_ x: Float) -> Float { SoftMath.logf(x) }
@_cdecl("log2") public func c_log2(_ x: Double) -> Double { SoftMath.log2(x) }
@_cdecl("log2f") public func c_log2f(_ x: Float) -> Float { SoftMath.log2f(x) }
@_cdecl("log10") public func c_log10(_ x: Double) -> Double { SoftMath.log10(x) }
@_cdecl("pow") public func c_pow(_ x: Double, _ y: Double) -> Double { SoftMath.pow(x, y) }
@_cdecl("powf") public func c_powf(_ x: Float, _ y: Float) -> Float { SoftMath.powf(x, y) }
@_cdecl("sin") public func c_sin(_ x: Double) -> Double { SoftMath.sin(x) }
@_cdecl("sinf") public func c_sinf(_ x: Float) -> Float { SoftMath.sinf(x) }
@_cdecl("cos") public func c_cos(_ x: Double) -> Double { SoftMath.cos(x) }
@_cdecl("cosf") public func c_cosf(_ x: Float) -> Float { SoftMath.cosf(x) }
@_cdecl("tan") public func c_tan(_ x: Double) -> Double { SoftMath.tan(x) }
@_cdecl("tanf") public func c_tanf(_ x: Float) -> Float { SoftMath.tanf(x) }
@_cdecl("tanh") public func c_tanh(_ x: Double) -> Double { SoftMath.tanh(x) }
@_cdecl("tanhf") public func c_tanhf(_ x: Float) -> Float { SoftMath.tanhf(x) }
@_cdecl("ldexp") public func c_ldexp(_ x: Double, _ n: Int32) -> Double { SoftMath.scalbn(x, Int(n)) }
@_cdecl("scalbn") public func c_scalbn(_ x: Double, _ n: Int32) -> Double { SoftMath.scalbn(x, Int(n)) }
