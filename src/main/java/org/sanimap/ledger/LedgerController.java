package org.sanimap.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/ledger}: the progress ledger (台账) as XLSX or CSV, out and in. */
@RestController
@Tag(name = "ledger", description = "Progress ledgers (台账) as XLSX or CSV: export, edit, import")
class LedgerController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final LedgerService service;

    LedgerController(LedgerService service) {
        this.service = service;
    }

    @GetMapping("/api/ledger")
    @Operation(summary = "Download the ledger of a project (or of all projects): one row per facility")
    ResponseEntity<byte[]> export(@Parameter(description = "project id; default every project") @RequestParam(required = false) Long project,
            @Parameter(description = "xlsx (default) or csv") @RequestParam(defaultValue = "xlsx") String format,
            @Parameter(description = "zh (default): Chinese headers and labels; en: English headers and codes")
            @RequestParam(defaultValue = "zh") String lang) {
        LedgerService.Format f = LedgerService.Format.fromCode(format);
        byte[] body = service.export(project, f, lang);
        String name = "ledger" + (project == null ? "" : "-project-" + project) + (f == LedgerService.Format.XLSX ? ".xlsx" : ".csv");
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f == LedgerService.Format.XLSX ? XLSX : "text/csv"))
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").body(body);
    }

    @PostMapping(path = "/api/ledger", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import an edited ledger (manager): status changes become transitions; any bad row rejects "
            + "the whole file (422, with row numbers); rows without 设施编号 add planned facilities (planner)")
    LedgerImportReport importLedger(@RequestParam("file") MultipartFile file, Authentication who) throws IOException {
        boolean planner = who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals("ROLE_PLANNER") || a.equals("ROLE_ADMIN"));
        return service.importLedger(file.getBytes(), file.getOriginalFilename() == null ? "ledger" : file.getOriginalFilename(),
                who.getName(), planner);
    }
}
