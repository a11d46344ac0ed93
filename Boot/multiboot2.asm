; Multiboot2 header (multiboot2 spec §3.1): magic, architecture, length, checksum, end tag.
; The linker script KEEPs .multiboot first so GRUB finds it within the first 32 KiB.
section .multiboot
align 8
mb2_header:
    dd 0xE85250D6                                   ; magic
    dd 0                                            ; architecture: i386 protected mode
    dd mb2_header_end - mb2_header                  ; header length
    dd -(0xE85250D6 + 0 + (mb2_header_end - mb2_header)) ; checksum
    ; end tag
    dw 0
    dw 0
    dd 8
mb2_header_end:
