; 128-bit unsigned division helpers LLVM emits calls to (compiler-rt ABI): __udivti3, __umodti3.
; Swift's multipliedFullWidth/dividingFullWidth (TSC → ns) and UInt128 lower to them.
; Arguments: a = rsi:rdi (hi:lo), b = rcx:rdx. Result in rdx:rax.

global __udivti3, __umodti3

section .text
bits 64

; udivmod128: quotient in rdx:rax, remainder in r9:r8. Clobbers r10, r11.
udivmod128:
    test rcx, rcx
    jnz .long
    mov r10, rdx                                    ; 64-bit divisor: two hardware divisions
    mov rax, rsi
    xor edx, edx
    div r10                                         ; high word
    mov r11, rax
    mov rax, rdi
    div r10                                         ; (rem:lo) / b
    mov r8, rdx
    xor r9d, r9d
    mov rdx, r11
    ret
.long:                                              ; 128-bit divisor: restoring shift-subtract
    mov r10, rdx                                    ; b = rcx:r10
    xor r8d, r8d                                    ; remainder r9:r8
    xor r9d, r9d
    mov r11d, 128
.loop:
    shl rdi, 1                                      ; shift a left, top bit into the remainder
    rcl rsi, 1
    rcl r8, 1
    rcl r9, 1
    cmp r9, rcx
    jb .next
    ja .sub
    cmp r8, r10
    jb .next
.sub:
    sub r8, r10
    sbb r9, rcx
    or rdi, 1                                       ; quotient bit (a's shifted-out slot)
.next:
    dec r11d
    jnz .loop
    mov rax, rdi
    mov rdx, rsi
    ret

__udivti3:
    call udivmod128
    ret

__umodti3:
    call udivmod128
    mov rax, r8
    mov rdx, r9
    ret
