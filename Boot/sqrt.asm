; sqrt/sqrtf: single SSE instructions. In assembly because Swift's squareRoot() (without -fno-math-errno)
; lowers to a call to these very symbols, so a Swift definition would call itself.

global sqrt, sqrtf

section .text
bits 64

sqrt:
    sqrtsd xmm0, xmm0
    ret

sqrtf:
    sqrtss xmm0, xmm0
    ret
