; 32-bit multiboot2 entry: checks the CPU, builds the 16 GiB identity map (2 MiB pages), enters long mode,
; loads the GDT/TSS/IDT, enables SSE/AVX/XSAVE (AVX-512 state when present) and calls Swift kmain(magic, mbi).
; Memory layout and the reasons for the IST stacks are described in docs/boot.md.

%define IDENTITY_GIB      16                        ; identity-mapped physical memory (GiB)
%define PAGE_PRESENT_RW   0x003
%define PAGE_HUGE         0x080
%define XCR0_MASK         0xE7                      ; x87 | SSE | AVX | opmask | ZMM_Hi256 | Hi16_ZMM
%define COM1              0x3F8

global _start
global boot_magic, boot_mbi, vector_save_mode, vector_save_size
global tss64, ist1_top, ist2_top, boot_stack_top, gdt64, early_heap_start, early_heap_end
extern kmain
extern idt_install

section .text
bits 32
_start:
    cli
    cld
    mov esp, boot_stack_top
    mov [boot_magic], eax
    mov [boot_mbi], ebx

    ; CPUID with extended leaf 0x80000001 and the long-mode bit are required.
    pushfd
    pop eax
    mov ecx, eax
    xor eax, 1 << 21
    push eax
    popfd
    pushfd
    pop eax
    push ecx
    popfd
    cmp eax, ecx
    je .no_long_mode
    mov eax, 0x80000000
    cpuid
    cmp eax, 0x80000001
    jb .no_long_mode
    mov eax, 0x80000001
    cpuid
    test edx, 1 << 29
    jz .no_long_mode

    ; PML4[0] -> PDPT; PDPT[i] -> PD i (i < 16); PD entries map 2 MiB pages 1:1.
    mov eax, pdpt
    or eax, PAGE_PRESENT_RW
    mov [pml4], eax
    mov dword [pml4 + 4], 0
    xor ecx, ecx
.fill_pdpt:
    mov eax, ecx
    shl eax, 12
    add eax, page_dirs
    or eax, PAGE_PRESENT_RW
    mov [pdpt + ecx * 8], eax
    mov dword [pdpt + ecx * 8 + 4], 0
    inc ecx
    cmp ecx, IDENTITY_GIB
    jb .fill_pdpt
    xor ecx, ecx                                    ; ecx = 2 MiB page index
.fill_pd:
    mov eax, ecx
    shl eax, 21
    or eax, PAGE_PRESENT_RW | PAGE_HUGE
    mov [page_dirs + ecx * 8], eax
    mov eax, ecx
    shr eax, 11                                     ; bits 32.. of the physical address
    mov [page_dirs + ecx * 8 + 4], eax
    inc ecx
    cmp ecx, IDENTITY_GIB * 512
    jb .fill_pd

    mov eax, pml4
    mov cr3, eax
    mov eax, cr4
    or eax, 1 << 5                                  ; PAE
    mov cr4, eax
    mov ecx, 0xC0000080                             ; EFER
    rdmsr
    or eax, 1 << 8                                  ; LME
    wrmsr
    mov eax, cr0
    or eax, (1 << 31) | 1                           ; PG | PE
    mov cr0, eax
    lgdt [gdt64.pointer]
    jmp gdt64.code:long_mode_entry

.no_long_mode:
    mov esi, msg_no_long_mode
.print:
    mov dx, COM1 + 5
.wait:
    in al, dx
    test al, 0x20
    jz .wait
    lodsb
    test al, al
    jz .halt
    mov dx, COM1
    out dx, al
    jmp .print
.halt:
    hlt
    jmp .halt

bits 64
long_mode_entry:
    mov ax, gdt64.data
    mov ds, ax
    mov es, ax
    mov ss, ax
    xor ax, ax
    mov fs, ax
    mov gs, ax
    mov rsp, boot_stack_top

    ; TSS descriptor base (the GDT holds it at selector 0x18), IST1/IST2 stacks, then ltr.
    mov rax, tss64
    mov word [gdt64 + 0x18 + 2], ax
    shr rax, 16
    mov byte [gdt64 + 0x18 + 4], al
    mov byte [gdt64 + 0x18 + 7], ah
    shr rax, 16
    mov dword [gdt64 + 0x18 + 8], eax
    mov rax, ist1_top
    mov [tss64 + 0x24], rax
    mov rax, ist2_top
    mov [tss64 + 0x2C], rax
    mov ax, 0x18
    ltr ax

    call idt_install

    ; x87/SSE: CR0.EM=0, CR0.MP=1, CR0.TS=0; CR4.OSFXSR | CR4.OSXMMEXCPT.
    mov rax, cr0
    and rax, ~((1 << 2) | (1 << 3))
    or rax, 1 << 1
    mov cr0, rax
    mov rax, cr4
    or rax, (1 << 9) | (1 << 10)
    mov cr4, rax
    fninit
    mov dword [vector_save_mode], 0                 ; fxsave
    mov dword [vector_save_size], 512

    ; XSAVE present: CR4.OSXSAVE, XCR0 = supported & (x87|SSE|AVX|AVX-512 state).
    mov eax, 1
    cpuid
    test ecx, 1 << 26
    jz .vector_done
    mov rax, cr4
    or rax, 1 << 18
    mov cr4, rax
    mov eax, 0x0D
    xor ecx, ecx
    cpuid
    and eax, XCR0_MASK
    xor edx, edx
    xor ecx, ecx
    xsetbv
    mov eax, 0x0D                                   ; EBX = save-area size for the enabled XCR0 bits
    xor ecx, ecx
    cpuid
    mov [vector_save_size], ebx
    mov dword [vector_save_mode], 1                 ; xsave
.vector_done:

    mov edi, [boot_magic]                           ; zero-extends into rdi
    mov esi, [boot_mbi]
    call kmain
.hang:
    cli
    hlt
    jmp .hang

section .rodata
msg_no_long_mode: db "warden: panic: CPU lacks long mode (x86_64 required)", 13, 10, 0

section .data
align 16
gdt64:
    dq 0                                            ; null
.code: equ $ - gdt64
    dq 0x00AF9A000000FFFF                           ; 0x08: 64-bit code, DPL 0
.data: equ $ - gdt64
    dq 0x00CF92000000FFFF                           ; 0x10: data
    ; 0x18: 64-bit TSS descriptor (base filled in at run time), limit 103, type 0x89
    dw 103
    dw 0
    db 0
    db 0x89
    db 0
    db 0
    dd 0
    dd 0
.pointer:
    dw $ - gdt64 - 1
    dq gdt64

align 16
tss64:
    times 0x66 db 0
    dw 104                                          ; I/O map base beyond the limit: no I/O bitmap
boot_magic: dd 0
boot_mbi: dd 0
vector_save_mode: dd 0                              ; 0 = fxsave, 1 = xsave
vector_save_size: dd 512                            ; bytes

section .bss
align 4096
pml4: resb 4096
pdpt: resb 4096
page_dirs: resb 4096 * IDENTITY_GIB
align 16
boot_stack: resb 256 * 1024
boot_stack_top:
ist1_stack: resb 64 * 1024                          ; every IRQ and exception (red-zone safety)
ist1_top:
ist2_stack: resb 16 * 1024                          ; NMI, #DF, #MC: usable even if IST1 is corrupt
ist2_top:
align 4096
early_heap_start: resb 1024 * 1024                 ; heap until the memory map is parsed
early_heap_end:
