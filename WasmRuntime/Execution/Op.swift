// Opcodes of the internal IR. Numeric and memory ops keep their wasm opcode (§5.4) as raw value;
// control flow is lowered to jumps with resolved targets (0x100 range); 0xFC ops become 0xFC00 + n.

enum Op: UInt16 {
    // Control (lowered).
    case unreachable = 0x00
    case br = 0x100          // a = target pc, b = height | arity << 32
    case brIf = 0x101        // same operands, pops an i32 condition
    case brUnless = 0x102    // jump to a when the popped i32 is zero (`if` lowering), no stack move
    case brTable = 0x103     // a = first entry in the br-table side array, b = entry count (last = default)
    case ret = 0x104         // b = arity
    case call = 0x105        // a = function index in the module
    case callIndirect = 0x106 // a = type index, b = table index
    case const = 0x107       // b = bit pattern
    case refFunc = 0x108     // a = function index
    case refNull = 0x109
    case refIsNull = 0x10A
    case select = 0x10B
    case drop = 0x10C
    case localGet = 0x10D    // a = slot relative to the frame
    case localSet = 0x10E
    case localTee = 0x10F
    case globalGet = 0x110   // a = global index
    case globalSet = 0x111
    case tableGet = 0x112    // a = table index
    case tableSet = 0x113
    case memorySize = 0x114
    case memoryGrow = 0x115

    // Memory (a = static offset).
    case i32Load = 0x28, i64Load, f32Load, f64Load
    case i32Load8S, i32Load8U, i32Load16S, i32Load16U
    case i64Load8S, i64Load8U, i64Load16S, i64Load16U, i64Load32S, i64Load32U
    case i32Store = 0x36, i64Store, f32Store, f64Store, i32Store8, i32Store16, i64Store8, i64Store16, i64Store32

    // Numeric.
    case i32Eqz = 0x45, i32Eq, i32Ne, i32LtS, i32LtU, i32GtS, i32GtU, i32LeS, i32LeU, i32GeS, i32GeU
    case i64Eqz = 0x50, i64Eq, i64Ne, i64LtS, i64LtU, i64GtS, i64GtU, i64LeS, i64LeU, i64GeS, i64GeU
    case f32Eq = 0x5B, f32Ne, f32Lt, f32Gt, f32Le, f32Ge
    case f64Eq = 0x61, f64Ne, f64Lt, f64Gt, f64Le, f64Ge
    case i32Clz = 0x67, i32Ctz, i32Popcnt, i32Add, i32Sub, i32Mul, i32DivS, i32DivU, i32RemS, i32RemU
    case i32And, i32Or, i32Xor, i32Shl, i32ShrS, i32ShrU, i32Rotl, i32Rotr
    case i64Clz = 0x79, i64Ctz, i64Popcnt, i64Add, i64Sub, i64Mul, i64DivS, i64DivU, i64RemS, i64RemU
    case i64And, i64Or, i64Xor, i64Shl, i64ShrS, i64ShrU, i64Rotl, i64Rotr
    case f32Abs = 0x8B, f32Neg, f32Ceil, f32Floor, f32Trunc, f32Nearest, f32Sqrt
    case f32Add, f32Sub, f32Mul, f32Div, f32Min, f32Max, f32Copysign
    case f64Abs = 0x99, f64Neg, f64Ceil, f64Floor, f64Trunc, f64Nearest, f64Sqrt
    case f64Add, f64Sub, f64Mul, f64Div, f64Min, f64Max, f64Copysign
    case i32WrapI64 = 0xA7, i32TruncF32S, i32TruncF32U, i32TruncF64S, i32TruncF64U
    case i64ExtendI32S, i64ExtendI32U, i64TruncF32S, i64TruncF32U, i64TruncF64S, i64TruncF64U
    case f32ConvertI32S, f32ConvertI32U, f32ConvertI64S, f32ConvertI64U, f32DemoteF64
    case f64ConvertI32S, f64ConvertI32U, f64ConvertI64S, f64ConvertI64U, f64PromoteF32
    case i32ReinterpretF32, i64ReinterpretF64, f32ReinterpretI32, f64ReinterpretI64
    case i32Extend8S = 0xC0, i32Extend16S, i64Extend8S, i64Extend16S, i64Extend32S


    // Fused forms (peephole in FunctionCompiler+Fusion): `const c; op` and `cmp; br_if`.
    case i32AddImm, i32SubImm, i32MulImm, i32AndImm, i32OrImm, i32XorImm, i32ShlImm, i32ShrSImm, i32ShrUImm, i32EqImm, i32NeImm, i32LtSImm, i32LtUImm, i32GtSImm, i32GtUImm, i32LeSImm, i32LeUImm, i32GeSImm, i32GeUImm = 0x200   // b = immediate
    case i64AddImm, i64SubImm, i64MulImm, i64AndImm, i64OrImm, i64XorImm, i64ShlImm, i64ShrSImm, i64ShrUImm             // b = immediate
    case brIfEqz = 0x300, brIfI32Eq, brIfI32Ne, brIfI32LtS, brIfI32LtU, brIfI32GtS, brIfI32GtU, brIfI32LeS, brIfI32LeU, brIfI32GeS, brIfI32GeU  // operands as br

    case localGet2 = 0x400                                         // a, b = two locals to push
    case localCopy             // local a = local b
    case f64AddImm, f64SubImm, f64MulImm, f64DivImm, f32AddImm, f32SubImm, f32MulImm, f32DivImm  // b = immediate bits
    case f64AddLocal, f64SubLocal, f64MulLocal, f64DivLocal, f32AddLocal, f32SubLocal, f32MulLocal, f32DivLocal  // b = local
    case i32AddImmToLocal      // local a = local (b & 0xFFFFFFFF) + (b >> 32)
    case i32AddImmTeeLocal     // same, and push the result
    case i32LoadLocal          // push i32 at (local b) + offset a
    case i32AddLocal, i32SubLocal, i32MulLocal, i32AndLocal, i32OrLocal, i32XorLocal, i32ShlLocal, i32ShrSLocal, i32ShrULocal  // b = local holding the right operand
    case i64AddLocal, i64SubLocal, i64MulLocal, i64AndLocal, i64OrLocal, i64XorLocal, i64ShlLocal, i64ShrULocal

    // 0xFC prefix.
    case i32TruncSatF32S = 0xFC00, i32TruncSatF32U, i32TruncSatF64S, i32TruncSatF64U
    case i64TruncSatF32S, i64TruncSatF32U, i64TruncSatF64S, i64TruncSatF64U
    case memoryInit = 0xFC08  // a = data index
    case dataDrop               // a = data index
    case memoryCopy
    case memoryFill
    case tableInit              // a = element index, b = table index
    case elemDrop               // a = element index
    case tableCopy              // a = destination table, b = source table
    case tableGrow              // a = table index
    case tableSize
    case tableFill
}

/// One IR instruction: 16 bytes, operands already resolved by the validator.
struct Instr {
    var op: Op
    var a: UInt32
    var b: UInt64

    init(_ op: Op, _ a: UInt32 = 0, _ b: UInt64 = 0) {
        self.op = op
        self.a = a
        self.b = b
    }
}

/// A branch target: where to jump and how to reshape the stack (keep `arity` values at `height`).
struct BranchTarget {
    var pc: UInt32
    var height: UInt32
    var arity: UInt32
}

/// Per-function metadata of compiled code.
struct CompiledFunction {
    var entry: Int            // first instruction
    var paramCount: Int
    var localCount: Int       // non-parameter locals, zeroed on entry
    var resultCount: Int
    var maxHeight: Int        // locals + deepest operand stack, in slots
}

/// The IR of every defined function of a module, in one contiguous instruction array.
final class CompiledCode {
    let instructions: UnsafeMutablePointer<Instr>
    let instructionCount: Int
    let branchTable: UnsafeMutablePointer<BranchTarget>
    let functions: [CompiledFunction]

    init(instructions: [Instr], branchTable: [BranchTarget], functions: [CompiledFunction]) {
        self.instructionCount = instructions.count
        self.instructions = UnsafeMutablePointer<Instr>.allocate(capacity: max(1, instructions.count))
        self.instructions.initialize(from: instructions, count: instructions.count)
        self.branchTable = UnsafeMutablePointer<BranchTarget>.allocate(capacity: max(1, branchTable.count))
        self.branchTable.initialize(from: branchTable, count: branchTable.count)
        self.functions = functions
    }

    deinit {
        instructions.deallocate()
        branchTable.deallocate()
    }
}
