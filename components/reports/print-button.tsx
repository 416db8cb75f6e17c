"use client";
import { Printer } from "lucide-react";
import { buttonClass } from "../ui/button";

export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className={buttonClass("secondary")}>
      <Printer aria-hidden="true" size={16} /> Print
    </button>
  );
}
